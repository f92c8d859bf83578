-- Demo data: loaded into the running system by deploy/local/up, and into the test database by Flyway (%test profile).
-- Ids match the registry's demo catalogue. Repeatable: runs again when this file changes (rows are upserted).
INSERT INTO employee (id, municipality_code, unit_id, display_name, service_ids) VALUES
 ('thessaloniki-emp-01', 'thessaloniki', 'thessaloniki-municipal-registry', 'Α. Παπαδάκη',
  '{thessaloniki-registry-certificate,thessaloniki-civil-marriage-licence,thessaloniki-male-registry}'),
 ('thessaloniki-emp-02', 'thessaloniki', 'thessaloniki-municipal-registry', 'Β. Σταματίου',
  '{thessaloniki-registry-certificate,thessaloniki-male-registry}'),
 ('thessaloniki-emp-03', 'thessaloniki', 'thessaloniki-municipal-registry', 'Γ. Λαμπράκης',
  '{thessaloniki-civil-marriage-licence,thessaloniki-registry-certificate}'),
 ('thessaloniki-emp-04', 'thessaloniki', 'thessaloniki-civil-registry', 'Δ. Μαυρίδου',
  '{thessaloniki-birth-registration,thessaloniki-death-registration}'),
 ('thessaloniki-emp-05', 'thessaloniki', 'thessaloniki-civil-registry', 'Ε. Χατζής',
  '{thessaloniki-birth-registration,thessaloniki-death-registration}'),
 ('thessaloniki-emp-06', 'thessaloniki', 'thessaloniki-general-protocol', 'Θ. Αναστασίου',
  '{thessaloniki-protocol-filing}'),
 ('thessaloniki-emp-07', 'thessaloniki', 'thessaloniki-general-protocol', 'Ι. Βασιλείου',
  '{thessaloniki-protocol-filing}'),
 ('thessaloniki-emp-08', 'thessaloniki', 'thessaloniki-transparency', 'Ε. Κωνσταντίνου',
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

INSERT INTO unit (id, municipality_code)
SELECT DISTINCT unit_id, municipality_code FROM employee WHERE id LIKE ANY (ARRAY['thessaloniki-emp-%', 'thermaikos-emp-%', 'kalamaria-emp-%'])
ON CONFLICT (id) DO NOTHING;

-- Monday to Friday 08:00–14:00 for every demo unit (seed 000); civil-marriage licences until 13:30.
-- Inserted only where the owner has no template yet, so admins' changes survive a reload.
INSERT INTO schedule_template (unit_id, service_id, week, declared_by_registry)
SELECT unit_id, service_id,
       jsonb_build_object('periods', (SELECT jsonb_agg(jsonb_build_object('day', d, 'opens', opens, 'closes', closes))
                                      FROM generate_series(1, 5) AS d)),
       service_id IS NULL
FROM (VALUES ('thessaloniki-municipal-registry', NULL, '08:00', '14:00'),
             ('thessaloniki-municipal-registry', 'thessaloniki-civil-marriage-licence', '08:00', '13:30'),
             ('thessaloniki-civil-registry', NULL, '08:00', '14:00'),
             ('thessaloniki-general-protocol', NULL, '08:00', '14:00'),
             ('thessaloniki-transparency', NULL, '08:00', '14:00'),
             ('thermaikos-citizens-service', NULL, '08:00', '14:00'),
             ('kalamaria-citizens-service', NULL, '08:00', '14:00')) AS h (unit_id, service_id, opens, closes)
WHERE NOT EXISTS (SELECT FROM schedule_template t WHERE t.unit_id = h.unit_id AND t.employee_id IS NULL
                  AND t.service_id IS NOT DISTINCT FROM h.service_id);

-- Thermaikos' citizens' service has two counters for its three employees.
INSERT INTO work_positions (unit_id, positions)
SELECT 'thermaikos-citizens-service', 2
WHERE NOT EXISTS (SELECT FROM work_positions WHERE unit_id = 'thermaikos-citizens-service');

-- Thessaloniki's patron saint, Saint Demetrius (26 October), is a local holiday.
INSERT INTO local_holiday (municipality_code, month, day, name_el, name_en)
SELECT 'thessaloniki', 10, 26, 'Εορτή Αγίου Δημητρίου', 'Feast of Saint Demetrius'
WHERE NOT EXISTS (SELECT FROM local_holiday WHERE municipality_code = 'thessaloniki' AND month = 10 AND day = 26);

-- Thessaloniki lets people choose the employee who serves them (AV-5); the others assign one.
INSERT INTO booking_policy (municipality_code, employee_choice_allowed) VALUES ('thessaloniki', true)
ON CONFLICT (municipality_code, coalesce(service_id, '')) DO NOTHING;
