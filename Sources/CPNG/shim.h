#ifndef TUANJU_CPNG_SHIM_H
#define TUANJU_CPNG_SHIM_H

// libpng 1.6 (libpng-dev). Only the "simplified" png_image API is used: it reports errors through its return
// value and png_image.message instead of longjmp, which Swift cannot survive.
#include <png.h>

// PNG_IMAGE_VERSION and the format macros are expressions Swift does not import; constants it can.
static const unsigned int tj_png_image_version = PNG_IMAGE_VERSION;
static const unsigned int tj_png_format_rgb = PNG_FORMAT_RGB;

#endif
