-- Demo data: loaded into the running system by deploy/local/up, and into the test database by Flyway (%test profile).
-- Ids match the registry's demo catalogue. Repeatable: runs again when this file changes (rows are upserted).
INSERT INTO employee (id, municipality_code, unit_id, display_name, service_ids) VALUES
 ('thessaloniki-emp-01', 'thessaloniki', 'thessaloniki-municipal-registry', 'Α. Παπαδάκη',
  '{thessaloniki-registry-certificate,thessaloniki-civil-marriage-licence,thessaloniki-male-registry}'),
 ('thessaloniki-emp-02', 'thessaloniki', 'thessaloniki-municipal-registry', 'Β. Σταματίου',
  '{thessaloniki-registry-certificate,thessaloniki-male-registry}'),
 ('thessaloniki-emp-03', 'thessaloniki', 'thessaloniki-municipal-registry', 'Γ. Λαμπράκης',
  '{thessaloniki-civil-marriage-licence}'),
 ('thessaloniki-emp-04', 'thessaloniki', 'thessaloniki-civil-registry', 'Δ. Μαυρίδου',
  '{thessaloniki-birth-registration,thessaloniki-death-registration}'),
 ('thessaloniki-emp-05', 'thessaloniki', 'thessaloniki-civil-registry', 'Ε. Χατζής',
  '{thessaloniki-birth-registration,thessaloniki-death-registration}'),
 ('thessaloniki-emp-06', 'thessaloniki', 'thessaloniki-general-protocol', 'Θ. Αναστασίου',
  '{thessaloniki-protocol-filing}'),
 ('thessaloniki-emp-07', 'thessaloniki', 'thessaloniki-general-protocol', 'Ι. Βασιλείου',
  '{thessaloniki-protocol-filing}'),
 ('thessaloniki-emp-08', 'thessaloniki', 'thessaloniki-transparency', 'Κ. Δημητρίου',
  '{thessaloniki-transparency-information}'),
 ('thermaikos-emp-01', 'thermaikos', 'thermaikos-citizens-service', 'Ζ. Καραγιάννη',
  '{thermaikos-change-of-address,thermaikos-certificates,thermaikos-minor-passport}'),
 ('thermaikos-emp-02', 'thermaikos', 'thermaikos-citizens-service', 'Η. Τσολάκης',
  '{thermaikos-change-of-address,thermaikos-certificates,thermaikos-transfer-married,thermaikos-transfer-unmarried,thermaikos-transfer-divorced}'),
 ('thermaikos-emp-03', 'thermaikos', 'thermaikos-citizens-service', 'Λ. Μιχαηλίδου',
  '{thermaikos-transfer-married,thermaikos-transfer-unmarried,thermaikos-transfer-divorced,thermaikos-naturalisation}'),
 ('kalamaria-emp-01', 'kalamaria', 'kalamaria-citizens-service', 'Μ. Ιωαννίδης',
  '{kalamaria-registry-certificate}'),
 ('kalamaria-emp-02', 'kalamaria', 'kalamaria-citizens-service', 'Ν. Πετρίδου',
  '{kalamaria-registry-certificate}')
ON CONFLICT (id) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, unit_id = EXCLUDED.unit_id,
    display_name = EXCLUDED.display_name, service_ids = EXCLUDED.service_ids;

-- Monday to Friday 08:00–14:00 for every demo unit (seed 000); civil-marriage licences until 13:30.
INSERT INTO weekly_hours (unit_id, service_id, day_of_week, opens, closes)
SELECT unit_id, service_id, day, opens, closes
FROM (VALUES ('thessaloniki-municipal-registry', NULL, time '08:00', time '14:00'),
             ('thessaloniki-municipal-registry', 'thessaloniki-civil-marriage-licence', time '08:00', time '13:30'),
             ('thessaloniki-civil-registry', NULL, time '08:00', time '14:00'),
             ('thessaloniki-general-protocol', NULL, time '08:00', time '14:00'),
             ('thessaloniki-transparency', NULL, time '08:00', time '14:00'),
             ('thermaikos-citizens-service', NULL, time '08:00', time '14:00'),
             ('kalamaria-citizens-service', NULL, time '08:00', time '14:00')) AS h (unit_id, service_id, opens, closes)
CROSS JOIN generate_series(1, 5) AS day
WHERE NOT EXISTS (SELECT FROM weekly_hours w WHERE w.unit_id = h.unit_id
                  AND w.service_id IS NOT DISTINCT FROM h.service_id AND w.day_of_week = day);
