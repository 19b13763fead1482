#ifndef TUANJU_CTURBOJPEG_SHIM_H
#define TUANJU_CTURBOJPEG_SHIM_H

// libjpeg-turbo's TurboJPEG API (libturbojpeg0-dev 2.1.5): lossless transforms, scaled decoding, encoding.
// Every call is a plain C function, so Swift calls them directly; the shim only names the header.
#include <stddef.h>
#include <turbojpeg.h>

#endif
