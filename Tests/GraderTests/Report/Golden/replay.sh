#!/bin/sh
# Replays check 3 of api02-crud, which failed:
#   twenty requests at once create twenty tasks
#
# It sends what the grader sent, in the same order: first the 2 requests of the
# 2 checks before it, which made the data this check works on (only their
# status is shown), then the 4 requests of this check, with every answer in full.
#
#   1. In another terminal:  backendlings serve api02-crud --fresh
#   2. Here:                 sh /home/ayu/backendlings/workspace/.backendlings/repro/api02-crud/check-03.sh
#
# Ids, ETags and other values your server made are sent as the grader saw them; on a fresh
# database they are usually the same. Another address: BASE_URL=http://127.0.0.1:8081 sh ...
#
# What a script cannot do, and so skips (it says so when it gets there):
#   - the grader wrote to the database file itself before starting your server (rows to work on, or an older schema)

set -u
BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
COOKIES="$(mktemp)" || exit 1
trap 'rm -f "$COOKIES"' EXIT

# quiet LABEL CURL-ARGUMENTS...: sends a request of an earlier check and prints its status.
quiet() {
    printf '  %s → ' "$1"; shift
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 -b "$COOKIES" -c "$COOKIES" "$@" || noanswer
}
# show LABEL CURL-ARGUMENTS...: sends a request of the failed check and prints the whole answer.
show() {
    printf '\n>>> %s\n' "$1"; shift
    curl -i -s --max-time 10 -b "$COOKIES" -c "$COOKIES" "$@" || noanswer
    echo
}
noanswer() { echo 'no answer: is `backendlings serve --fresh` running?'; }
# note TEXT: something the grader did that this script can only tell you about.
note() { printf '\n# %s\n' "$1"; }
# restart: the grader restarted your server here, on the same database.
restart() {
    note 'The grader restarted your server here (same database): stop `backendlings serve` with Ctrl-C and start it again, without --fresh.'
    if [ -t 0 ]; then printf 'Press Enter when it runs again. '; read -r _; fi
}

printf '%s\n' '== 1. POST /tasks answers 201 Created with the new task'
quiet 'POST /tasks' -X POST "$BASE_URL"/tasks -H 'Accept: application/json' -H 'Content-Type: application/json' --data-raw '{"title":"O'\''Reilly'\''s \"notes\""}'

printf '%s\n' '== 2. the tasks survive a restart'
restart
quiet 'GET /tasks?status=todo&tag[]=a' -g "$BASE_URL"'/tasks?status=todo&tag[]=a' -H 'Accept: application/json'

printf '%s\n' '== 3. twenty requests at once create twenty tasks (the check that failed)'
note 'Skipped: the grader wrote to the database file itself before starting your server (rows to work on, or an older schema)'
note 'The grader sent the next requests from 2 clients at the same moment; here they go one after another.'
printf 'line one\n\ttwo %%s' | show 'PUT /tasks/1' -X PUT "$BASE_URL"/tasks/1 -H 'Content-Type: text/plain' -H 'Accept:' --data-binary @-
printf '{\377'\''-' | show 'POST /raw' -X POST "$BASE_URL"/raw -H 'Accept: application/json' -H 'Content-Type:' --data-binary @-
show 'HEAD /tasks/1' -I "$BASE_URL"/tasks/1 -H 'Accept: application/json'
show 'DELETE /tasks/1' -X DELETE "$BASE_URL"/tasks/1 -H 'Accept: application/json'

printf '%s\n' 'That was everything check 3 sent.'
printf '%s\n' 'The check said:'
printf '%s\n' '  expected 20 tasks, got 19'
printf '%s\n' '  the last one was lost'
