/* pdf: the written report printed to PDF by a Chromium found on the
 * machine: $CHROMIUM, else the first of chromium, chromium-browser and
 * google-chrome in PATH.  It runs headless from an argv array (no shell),
 * with a throwaway profile, no network (every host name resolves to
 * nothing: the report needs none) and a time limit ($CXBENCH_PDF_TIMEOUT
 * seconds, default PDF_TIMEOUT); it prints into a temporary file beside
 * the target, which is renamed over the target only once it holds a whole
 * PDF, so an interrupted or failed run never leaves half a PDF. */
#ifndef CX_PDF_H
#define CX_PDF_H

#define PDF_TIMEOUT 120 /* seconds */

/* Prints the HTML file html_path to pdf_path: CX_OK, or CX_EIO after one
 * message (no Chromium, or it failed, timed out or wrote no PDF). */
int pdf_print(const char *html_path, const char *pdf_path);
#endif
