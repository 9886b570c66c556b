/* The parts of libcrypto (OpenSSL 3) the Swift core uses: HMAC-SHA256 through
 * EVP_MAC and the constant-time comparison CRYPTO_memcmp. */
#ifndef ANALYZE_COPENSSL_SHIM_H
#define ANALYZE_COPENSSL_SHIM_H

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#endif
