/* assets: the files the report embeds besides its numbers, read and
 * checked before anything is drawn, so that laying out the document does
 * no I/O.  The theme (DATADIR/reports/theme.css) is written raw inside
 * <style>, so one that could close the element is refused; the optional
 * logo (a PNG, JPEG or SVG of at most 2 MiB, from a path or a URL) becomes
 * a data: URI, so the report stays self-contained.  The struct owns its
 * strings: report_assets_release() (safe on a zeroed struct). */
#ifndef CX_ASSETS_H
#define CX_ASSETS_H

struct report_assets {
	char *css;      /* the theme, safe inside <style> */
	char *logo_uri; /* data:MIME;base64,..., or NULL for no logo */
};

/* logo_path NULL: no logo.  CX_OK, or an error status after one message
 * naming the file; the caller releases *a either way. */
int report_assets_load(struct report_assets *a, const char *datadir,
		       const char *logo_path);
void report_assets_release(struct report_assets *a);
#endif
