/* plot: one gnuplot run per report.  Charts add their data files (tab
 * separated, every label sanitised) and their commands to one script in a
 * private temporary directory; plot_run() starts `gnuplot -d SCRIPT` once
 * and checks it.  User text reaches the script only through gp_quote()
 * (single quotes: gnuplot expands neither backquotes nor macros there);
 * data reaches it only as files.  A plot owns its directory: plot_release()
 * removes it unless asked to keep it.  Each chart also keeps what gnuplot
 * cannot say in the SVG: a description and the name of every plot clause
 * (figures.c puts them in place of gnuplot's own). */
#ifndef CX_PLOT_H
#define CX_PLOT_H
#include <stdio.h>

/* Charts are drawn PLOT_FONT px high in a viewBox PLOT_WIDTH wide: shrunk
 * to a phone's 334-px column, text stays at 16 * 334 / 530 = 10.1 px. */
#define PLOT_WIDTH 530
#define PLOT_FONT 16

struct plot_chart {
	char *name;
	char *desc;     /* NULL until plot_describe() */
	char **series;  /* one name per plot clause, in order */
	size_t nseries, cap;
};

struct plot {
	char *dir;
	char *script_path;
	char *style_path; /* loaded before every chart */
	FILE *script;
	int png;   /* also draw every chart as PNG */
	int ndata; /* data files written so far */
	int failed; /* gnuplot ran and failed: keep its files to look at */
	struct plot_chart *charts; /* in the order drawn */
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
/* What the current chart shows, in the report's language (its <desc>). */
void plot_describe(struct plot *p, const char *desc);
/* Names the current chart's next plot clause (its tooltip), in order:
 * every clause of the plot command gets one. */
void plot_series(struct plot *p, const char *name);
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
/* s broken at blanks into *lines (the caller frees each and the array)
 * of at most `width` characters, a longer word on its own; their number. */
size_t text_wrap(const char *s, size_t width, char ***lines);
/* gp_field() of s broken into lines as text_wrap() does (gnuplot reads
 * "\n" in a data label as a line break); returns the number of lines. */
int gp_field_wrap(FILE *f, const char *s, size_t width);
#endif
