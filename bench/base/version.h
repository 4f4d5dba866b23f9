/* version: the one version string, shown by --version, in the report's
 * footer and in the network's User-Agent. */
#ifndef CX_VERSION_H
#define CX_VERSION_H
#define CX_VERSION "0.1.0"
#endif
