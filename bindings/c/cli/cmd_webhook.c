/* analyze commands of the webhook group (see commands.h). */
#include <stddef.h>

#include "commands.h"

const struct cli_command cli_webhook_commands[] = {{NULL, NULL, NULL, NULL}};
