/* plot: one gnuplot run per report.  Charts add their data files (tab
 * separated, every label sanitised) and their commands to one script in a
 * private temporary directory; plot_run() starts `gnuplot -d SCRIPT` once
 * and checks it.  User text reaches the script only through gp_quote()
 * (single quotes: gnuplot expands neither backquotes nor macros there);
 * data reaches it only as files.  A plot owns its directory: plot_release()
 * removes it unless asked to keep it. */
#ifndef CX_PLOT_H
#define CX_PLOT_H
#include <stdio.h>

struct plot {
	char *dir;
	char *script_path;
	char *style_path; /* loaded before every chart */
	FILE *script;
	int png;   /* also draw every chart as PNG */
	int ndata; /* data files written so far */
	int failed; /* gnuplot ran and failed: keep its files to look at */
	char **charts; /* the names of the charts, in the order drawn */
	size_t ncharts, charts_cap;
};

/* CX_OK or CX_EIO after a message. */
int plot_begin(struct plot *p, const char *style_path, int png);
/* Opens a new data file for the current chart; *path (owned by the caller)
 * is what to name in the script with gp_quote().  NULL (and *path NULL)
 * after a message when it cannot be created. */
FILE *plot_data(struct plot *p, char **path);
/* Closes a data file: CX_OK, or CX_EIO after a message naming it. */
int plot_data_close(FILE *f, const char *path);
/* Starts chart `name`: terminal, size, output. */
void plot_chart(struct plot *p, const char *name, int width, int height);
/* Ends the current chart (drawing its PNG too) and resets the settings. */
void plot_end_chart(struct plot *p, const char *name);
/* Runs gnuplot; CX_OK, or CX_EIO after a message (the script is kept). */
int plot_run(struct plot *p);
/* DIR/name.svg or DIR/name.png; caller frees. */
char *plot_file(const struct plot *p, const char *name, const char *ext);
/* Removes the directory, unless gnuplot failed (its files are kept). */
void plot_release(struct plot *p);
/* Writes s as a gnuplot single-quoted string. */
void gp_quote(FILE *f, const char *s);
/* Writes s as one tab-separated data field (no tab, line break or quote). */
void gp_field(FILE *f, const char *s);
#endif
