/* analyze commands of the response group (see commands.h). */
#include <stddef.h>

#include "commands.h"

const struct cli_command cli_response_commands[] = {{NULL, NULL, NULL, NULL}};
