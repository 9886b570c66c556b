/* analyze commands of the request group (see commands.h). */
#include <stddef.h>

#include "commands.h"

const struct cli_command cli_request_commands[] = {{NULL, NULL, NULL, NULL}};
