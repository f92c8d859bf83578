-- Demo data: loaded into the running system by deploy/local/up, and into the test database by Flyway (%test profile).
-- Repeatable, so it runs after every versioned migration and again when this file changes.
INSERT INTO municipality (code, name_el, name_en, status, address, phones, email, modes, third_party_video_allowed) VALUES
 ('thessaloniki', 'Δήμος Θεσσαλονίκης', 'Municipality of Thessaloniki', 'ACTIVE',
  'Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη', '{2313317777}', 'info@thessaloniki.gr', '{IN_PERSON,PHONE,VIDEO}', true),
 ('thermaikos', 'Δήμος Θερμαϊκού', 'Municipality of Thermaikos', 'ACTIVE',
  'Πλατεία Δημαρχείου, 630 80 Περαία', '{2392330800}', 'info@thermaikos.gr', '{IN_PERSON,VIDEO}', false)
ON CONFLICT DO NOTHING;

INSERT INTO unit (id, municipality_code, name_el, name_en, address, phones, email, hours_el, hours_en) VALUES
 ('thessaloniki-municipal-registry', 'thessaloniki', 'Τμήμα Δημοτολογίου', 'Municipal Registry Department',
  'Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη', '{2313317404,2313317405}', 'info@thessaloniki.gr',
  'Δευτέρα–Παρασκευή 08:00–14:00 (άδειες πολιτικών γάμων 08:00–13:30), μόνο με ραντεβού',
  'Monday–Friday 08:00–14:00 (civil-marriage licences 08:00–13:30), by appointment only'),
 ('thessaloniki-civil-registry', 'thessaloniki', 'Τμήμα Ληξιαρχείου', 'Civil Registry Department',
  'Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη', '{2313317413,2313317504}', 'info@thessaloniki.gr',
  'Δευτέρα–Παρασκευή 08:00–14:00, μόνο με ραντεβού', 'Monday–Friday 08:00–14:00, by appointment only'),
 ('thessaloniki-general-protocol', 'thessaloniki', 'Τμήμα Γενικού Πρωτοκόλλου και Διοικητικής Υποστήριξης',
  'General Protocol and Administrative Support Department', 'Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη',
  '{2313317771,2313317773}', 'info@thessaloniki.gr', 'Δευτέρα–Παρασκευή 08:00–14:00', 'Monday–Friday 08:00–14:00'),
 ('thessaloniki-transparency', 'thessaloniki', 'Τμήμα Διαφάνειας', 'Transparency Department',
  'Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη', '{2313317390,2313317854}', 'diafaneia@thessaloniki.gr',
  'Δευτέρα–Παρασκευή 08:00–14:00', 'Monday–Friday 08:00–14:00'),
 ('thermaikos-citizens-service', 'thermaikos', 'Τμήμα Δημοτικής Κατάστασης', 'Civil Status Department',
  'Πλατεία Δημαρχείου, 630 80 Περαία', '{2392330810}', 'dimotologio@thermaikos.gr',
  'Δευτέρα–Παρασκευή 08:00–14:00', 'Monday–Friday 08:00–14:00')
ON CONFLICT DO NOTHING;

INSERT INTO public_service (id, unit_id, name_el, name_en, terms, buffer_minutes) VALUES
 ('thessaloniki-registry-certificate', 'thessaloniki-municipal-registry',
  'Έκδοση πιστοποιητικού δημοτολογίου', 'Municipal registry certificate',
  jsonb_build_object('modes', '[{"mode": "IN_PERSON", "durationMinutes": 15}, {"mode": "VIDEO", "durationMinutes": 15}]'::jsonb, 'documents', '[{"nameEl": "Αστυνομική ταυτότητα ή διαβατήριο", "nameEn": "Identity card or passport", "exOfficio": false}]'::jsonb, 'fees', '[]'::jsonb), 5),
 ('thessaloniki-civil-marriage-licence', 'thessaloniki-municipal-registry',
  'Άδεια πολιτικού γάμου', 'Civil marriage licence',
  jsonb_build_object('modes', '[{"mode": "IN_PERSON", "durationMinutes": 30}]'::jsonb, 'documents', '[{"nameEl": "Αστυνομικές ταυτότητες των μελλονύμφων", "nameEn": "Identity cards of both spouses-to-be", "exOfficio": false},
    {"nameEl": "Πιστοποιητικά οικογενειακής κατάστασης", "nameEn": "Family status certificates", "exOfficio": true}]'::jsonb, 'fees', '[]'::jsonb), 5),
 ('thessaloniki-birth-registration', 'thessaloniki-civil-registry',
  'Δήλωση γέννησης', 'Birth registration',
  jsonb_build_object('modes', '[{"mode": "IN_PERSON", "durationMinutes": 20}, {"mode": "PHONE", "durationMinutes": 10}]'::jsonb, 'documents', '[{"nameEl": "Ιατρική βεβαίωση τοκετού", "nameEn": "Medical certificate of birth", "exOfficio": false}]'::jsonb, 'fees', '[]'::jsonb), 5),
 ('thermaikos-change-of-address', 'thermaikos-citizens-service',
  'Μεταβολή διεύθυνσης κατοικίας', 'Change of address',
  jsonb_build_object('modes', '[{"mode": "IN_PERSON", "durationMinutes": 15}, {"mode": "VIDEO", "durationMinutes": 15}]'::jsonb, 'documents', '[{"nameEl": "Αστυνομική ταυτότητα", "nameEn": "Identity card", "exOfficio": false},
    {"nameEl": "Λογαριασμός ΔΕΚΟ στο όνομα του αιτούντος", "nameEn": "Utility bill in the applicant''s name", "exOfficio": false}]'::jsonb, 'fees', '[]'::jsonb), 5)
ON CONFLICT DO NOTHING;
