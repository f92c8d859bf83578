-- Benchmark data: 100,000 confirmed reservations of the demo staff in the availability database — the recent past
-- (history) and every other slot of the coming 60 days — all marked BENCH-… so that the benchmark removes them again.
INSERT INTO reservation (id, employee_id, municipality_code, unit_id, service_id, mode, starts_at, ends_at,
                         blocked_until, status, booking_reference, created_at)
SELECT gen_random_uuid(), e.id, e.municipality_code, e.unit_id, e.service_ids[1], 'IN_PERSON',
       t.s, t.s + interval '15 minutes', t.s + interval '20 minutes', 'CONFIRMED',
       'BENCH-' || substr(md5(random()::text), 1, 8), now()
FROM employee e
CROSS JOIN generate_series(current_date - 800, current_date + 60, interval '1 day') AS d
CROSS JOIN generate_series(0, 17) AS k
CROSS JOIN LATERAL (SELECT (d::date + time '08:00' + k * interval '20 minutes') AT TIME ZONE 'Europe/Athens' AS s) AS t
WHERE extract(isodow FROM d) < 6
  AND (d < current_date OR k % 2 = 0)
ORDER BY d DESC
LIMIT 100000
ON CONFLICT DO NOTHING;
-- vacuumed too, so that autovacuum does not wake for the new rows in the middle of the measurement
VACUUM (ANALYZE) reservation;
