#ifndef TUANJU_CCURL_SHIM_H
#define TUANJU_CCURL_SHIM_H

#include <curl/curl.h>
#include <sys/socket.h>

// curl_easy_setopt, curl_multi_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed
// wrapper per argument type.

static inline CURLcode tj_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tj_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tj_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tj_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*tj_write_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode tj_setopt_write_function(CURL *handle, tj_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

typedef size_t (*tj_header_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode tj_setopt_header_function(CURL *handle, tj_header_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

typedef curl_socket_t (*tj_opensocket_callback)(void *context, curlsocktype purpose, struct curl_sockaddr *address);
static inline CURLcode tj_setopt_opensocket_function(CURL *handle, tj_opensocket_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}

static inline CURLMcode tj_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

// CURLMsg's result lives in a union; read it here rather than through Swift's view of the union.
static inline CURLcode tj_multi_message_result(const CURLMsg *message) {
    return message->data.result;
}

static inline CURLcode tj_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode tj_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
