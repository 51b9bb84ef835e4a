#!/bin/sh
# A CTest test that cannot run here: prints why, loudly, and exits 77 so
# that CTest (SKIP_RETURN_CODE 77) reports it as skipped, never as passed.
#   skip.sh <reason>...
echo "*****************************************************************"
echo "SKIPPED: $*"
echo "*****************************************************************"
exit 77
