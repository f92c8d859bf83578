-- Demo data: loaded into the running system by deploy/local/up, and into the test database by Flyway (%test profile).
-- Ids match the registry's demo catalogue.
INSERT INTO employee (id, municipality_code, unit_id, display_name, service_ids) VALUES
 ('thessaloniki-emp-01', 'thessaloniki', 'thessaloniki-municipal-registry', 'Α. Παπαδάκη',
  '{thessaloniki-registry-certificate,thessaloniki-civil-marriage-licence}'),
 ('thessaloniki-emp-02', 'thessaloniki', 'thessaloniki-municipal-registry', 'Β. Σταματίου',
  '{thessaloniki-registry-certificate}'),
 ('thessaloniki-emp-03', 'thessaloniki', 'thessaloniki-municipal-registry', 'Γ. Λαμπράκης',
  '{thessaloniki-civil-marriage-licence}'),
 ('thessaloniki-emp-04', 'thessaloniki', 'thessaloniki-civil-registry', 'Δ. Μαυρίδου',
  '{thessaloniki-birth-registration}'),
 ('thessaloniki-emp-05', 'thessaloniki', 'thessaloniki-civil-registry', 'Ε. Χατζής',
  '{thessaloniki-birth-registration}'),
 ('thermaikos-emp-01', 'thermaikos', 'thermaikos-citizens-service', 'Ζ. Καραγιάννη',
  '{thermaikos-change-of-address}'),
 ('thermaikos-emp-02', 'thermaikos', 'thermaikos-citizens-service', 'Η. Τσολάκης',
  '{thermaikos-change-of-address}')
ON CONFLICT DO NOTHING;

-- Monday to Friday 08:00–14:00 for every demo unit (seed 000); civil-marriage licences until 13:30.
INSERT INTO weekly_hours (unit_id, service_id, day_of_week, opens, closes)
SELECT unit_id, service_id, day, opens, closes
FROM (VALUES ('thessaloniki-municipal-registry', NULL, time '08:00', time '14:00'),
             ('thessaloniki-municipal-registry', 'thessaloniki-civil-marriage-licence', time '08:00', time '13:30'),
             ('thessaloniki-civil-registry', NULL, time '08:00', time '14:00'),
             ('thermaikos-citizens-service', NULL, time '08:00', time '14:00')) AS h (unit_id, service_id, opens, closes)
CROSS JOIN generate_series(1, 5) AS day
WHERE NOT EXISTS (SELECT FROM weekly_hours w WHERE w.unit_id = h.unit_id
                  AND w.service_id IS NOT DISTINCT FROM h.service_id AND w.day_of_week = day);
