#!/usr/bin/env bash
# Records one victim's journey from report to sentence and restorative justice through the agency API,
# each step by the agency that owns it, then reads the timeline back. Needs the service running on the
# embedded store (demo tokens) at $BASE, and curl. Usage: docs/examples/journey.sh [base-url]
set -euo pipefail
BASE=${1:-http://localhost:8080}

token() {  # a demo token for one role; police in the Central East BCU (Hackney)
  curl -sf -X POST "$BASE/demo/tokens" -H 'Content-Type: application/json' \
       -d "{\"role\":\"$1\",\"unit\":\"$2\",\"bcu\":\"CE\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
POLICE=$(token POLICE_OFFICER MPS-CE-CID); CPS=$(token CPS CPS-London-North); COURT=$(token COURT Thames-MC)
WCU=$(token WITNESS_CARE WCU-East); RJ=$(token RJ_PROVIDER Restore-London)

post() {  # post <token> <path> <json>: prints the answer, fails on an error status
  curl -sf -X POST "$BASE$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3"; echo
}

CASE=$(post "$POLICE" /api/cases '{"channel":"PHONE_999","occurredAt":"2026-03-01T20:15:00Z"}' \
       | sed 's/.*"caseId":"\([^"]*\)".*/\1/')
C=/api/cases/$CASE
# A crime reference belongs to one case (a second case recording it gets 409): one per run.
post "$POLICE" $C/crime-record '{"crimeReference":"CRIS-EX-'"${CASE:0:8}"'","offence":"ROBBERY","borough":"HACKNEY","priorityFlags":["WEAPON_BASED"],"occurredAt":"2026-03-01T21:00:00Z"}'
VICTIM=$(post "$POLICE" $C/victims '{"kind":"DIRECT_VICTIM","personalDetails":{"name":"Example Victim","phone":"07700 900000"},"occurredAt":"2026-03-01T21:10:00Z"}' \
         | sed 's/.*"createdId":"\([^"]*\)".*/\1/')
post "$POLICE" $C/victims/$VICTIM/needs-assessments '{"enhancedRightsReasons":["INTIMIDATED"],"occurredAt":"2026-03-02T09:00:00Z"}'
post "$POLICE" $C/suspects '{"suspectId":"S1","occurredAt":"2026-03-03T09:00:00Z"}'
ARREST=$(post "$POLICE" $C/suspects/S1/arrests '{"occurredAt":"2026-03-03T10:00:00Z"}' | sed 's/.*"version":\([0-9]*\).*/\1/')
post "$POLICE" $C/suspects/S1/interviews '{"admittedOffence":true,"occurredAt":"2026-03-03T14:00:00Z"}'
post "$POLICE" $C/victim-contacts "{\"victimId\":\"$VICTIM\",\"aboutSequence\":$ARREST,\"informedAbout\":\"The arrest\",\"channel\":\"PHONE\",\"informedBy\":\"DC 2001\",\"occurredAt\":\"2026-03-03T16:00:00Z\"}"
post "$POLICE" $C/suspects/S1/cps-referrals '{"occurredAt":"2026-03-04T09:00:00Z"}'
post "$CPS" $C/suspects/S1/charging-decisions '{"decision":"CHARGE","charges":["Robbery"],"occurredAt":"2026-03-05T11:00:00Z"}'
LISTING=$(post "$COURT" $C/hearings '{"hearingId":"H1","suspectId":"S1","court":"Thames Magistrates Court","scheduledFor":"2026-03-20T10:00:00Z","type":"FIRST_APPEARANCE","occurredAt":"2026-03-05T15:00:00Z"}' \
          | sed 's/.*"version":\([0-9]*\).*/\1/')
post "$WCU" $C/witness-care-receipts "{\"aboutSequence\":$LISTING,\"information\":\"Hearing date, time and place\",\"occurredAt\":\"2026-03-06T09:00:00Z\"}"
post "$COURT" $C/hearings/H1/outcomes '{"outcome":"GUILTY_PLEA","occurredAt":"2026-03-20T11:00:00Z"}'
post "$COURT" $C/suspects/S1/sentences '{"sentence":"IMMEDIATE_CUSTODY","lengthMonths":30,"ancillaryOrders":["Restraining order"],"occurredAt":"2026-04-10T12:00:00Z"}'
LAST=$(post "$RJ" $C/suspects/S1/restorative-justice-steps '{"step":"OFFERED","detail":"Restore:London","occurredAt":"2026-04-20T12:00:00Z"}' \
       | sed 's/.*"version":\([0-9]*\).*/\1/')

# The timeline is a read model, updated a moment after each change: wait until it has the last one.
for attempt in $(seq 1 60); do
  TIMELINE=$(curl -sf "$BASE$C/timeline" -H "Authorization: Bearer $POLICE" -H 'X-Purpose: README example' || true)
  case "$TIMELINE" in *"\"version\":$LAST,"*) break ;; esac
  sleep 0.5
done
echo "$TIMELINE"
