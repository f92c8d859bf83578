-- Demo data: loaded into the running system by deploy/local/up, and into the test database by Flyway (%test profile).
-- Repeatable, so it runs after every versioned migration and again when this file changes (rows are upserted).
-- Thessaloniki: the four departments and hours of seed 000; Thermaikos: the service catalogue of seed 003.

INSERT INTO municipality (code, name_el, name_en, status, address, phones, email, modes, third_party_video_allowed) VALUES
 ('thessaloniki', 'Δήμος Θεσσαλονίκης', 'Municipality of Thessaloniki', 'ACTIVE',
  'Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη', '{2313317777}', 'info@thessaloniki.gr', '{IN_PERSON,PHONE,VIDEO}', true),
 ('thermaikos', 'Δήμος Θερμαϊκού', 'Municipality of Thermaikos', 'ACTIVE',
  'Πλατεία Δημαρχείου, 570 19 Περαία', '{2392330800}', 'info@thermaikos.gr', '{IN_PERSON,VIDEO}', false),
 ('kalamaria', 'Δήμος Καλαμαριάς', 'Municipality of Kalamaria', 'ACTIVE',
  'Μεταμορφώσεως 2, 551 32 Καλαμαριά', '{2313226100}', 'info@kalamaria.gr', '{IN_PERSON,PHONE}', false),
 ('neapoli-sykies', 'Δήμος Νεάπολης-Συκεών', 'Municipality of Neapoli-Sykies', 'PENDING',
  'Ελ. Βενιζέλου 2, 567 28 Νεάπολη', '{2313313500}', 'info@neapoli-sykies.gr', '{IN_PERSON}', false),
 ('pylaia-chortiatis', 'Δήμος Πυλαίας-Χορτιάτη', 'Municipality of Pylaia-Chortiatis', 'PENDING',
  'Καραολή και Δημητρίου 1, 555 35 Πυλαία', '{2313302600}', 'info@pylaia-chortiatis.gr', '{IN_PERSON}', false)
ON CONFLICT (code) DO UPDATE SET name_el = EXCLUDED.name_el, name_en = EXCLUDED.name_en, status = EXCLUDED.status, address = EXCLUDED.address, phones = EXCLUDED.phones, email = EXCLUDED.email, modes = EXCLUDED.modes, third_party_video_allowed = EXCLUDED.third_party_video_allowed;

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
  '{2313317771,2313317773,2313317798,2313317770,2313317761,2313317765}', 'info@thessaloniki.gr',
  'Δευτέρα–Παρασκευή 08:00–14:00 (τηλεφωνικά 07:00–15:00)', 'Monday–Friday 08:00–14:00 (by phone 07:00–15:00)'),
 ('thessaloniki-transparency', 'thessaloniki', 'Τμήμα Διαφάνειας', 'Transparency Department',
  'Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη', '{2313317390,2313317854,2313317394,2313317421}', 'diafaneia@thessaloniki.gr',
  'Δευτέρα–Παρασκευή 08:00–14:00', 'Monday–Friday 08:00–14:00'),
 ('thermaikos-citizens-service', 'thermaikos', 'Τμήμα Δημοτικής Κατάστασης', 'Civil Status Department',
  'Πλατεία Δημαρχείου, 570 19 Περαία', '{2392330810}', 'dimotologio@thermaikos.gr',
  'Δευτέρα–Παρασκευή 08:00–14:00', 'Monday–Friday 08:00–14:00'),
 ('kalamaria-citizens-service', 'kalamaria', 'Τμήμα Δημοτολογίου', 'Municipal Registry Department',
  'Μεταμορφώσεως 2, 551 32 Καλαμαριά', '{2313226150}', 'dimotologio@kalamaria.gr',
  'Δευτέρα–Παρασκευή 08:00–14:00', 'Monday–Friday 08:00–14:00')
ON CONFLICT (id) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, name_el = EXCLUDED.name_el, name_en = EXCLUDED.name_en, address = EXCLUDED.address, phones = EXCLUDED.phones, email = EXCLUDED.email, hours_el = EXCLUDED.hours_el, hours_en = EXCLUDED.hours_en;

INSERT INTO public_service (id, unit_id, name_el, name_en, terms, buffer_minutes, notes_el, notes_en) VALUES
 ('thessaloniki-registry-certificate', 'thessaloniki-municipal-registry', 'Έκδοση πιστοποιητικού δημοτολογίου', 'Municipal registry certificate',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 15}, {"mode": "VIDEO", "durationMinutes": 15}], "documents": [{"nameEl": "Αστυνομική ταυτότητα ή διαβατήριο", "nameEn": "Identity card or passport", "exOfficio": false}], "fees": []}', 5, NULL, NULL),
 ('thessaloniki-civil-marriage-licence', 'thessaloniki-municipal-registry', 'Άδεια πολιτικού γάμου', 'Civil marriage licence',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 30}], "documents": [{"nameEl": "Αστυνομικές ταυτότητες των μελλονύμφων", "nameEn": "Identity cards of both spouses-to-be", "exOfficio": false}, {"nameEl": "Πιστοποιητικά οικογενειακής κατάστασης", "nameEn": "Family status certificates", "exOfficio": true, "certificate": "FAMILY_STATUS"}], "fees": []}', 5, 'Οι άδειες πολιτικών γάμων εκδίδονται έως τις 13:30.', 'Civil-marriage licences are issued until 13:30.'),
 ('thessaloniki-male-registry', 'thessaloniki-municipal-registry', 'Μητρώο αρρένων', 'Male citizens'' register (military service)',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 15}], "documents": [{"nameEl": "Αστυνομική ταυτότητα ή διαβατήριο", "nameEn": "Identity card or passport", "exOfficio": false}], "fees": []}', 5, NULL, NULL),
 ('thessaloniki-birth-registration', 'thessaloniki-civil-registry', 'Δήλωση γέννησης', 'Birth registration',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 20}, {"mode": "PHONE", "durationMinutes": 10}], "documents": [{"nameEl": "Ιατρική βεβαίωση τοκετού", "nameEn": "Medical certificate of birth", "exOfficio": false}, {"nameEl": "Αστυνομικές ταυτότητες των γονέων", "nameEn": "Identity cards of the parents", "exOfficio": false}], "fees": []}', 5, NULL, NULL),
 ('thessaloniki-death-registration', 'thessaloniki-civil-registry', 'Δήλωση θανάτου', 'Death registration',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 20}, {"mode": "PHONE", "durationMinutes": 10}], "documents": [{"nameEl": "Ιατρική βεβαίωση θανάτου", "nameEn": "Medical certificate of death", "exOfficio": false}, {"nameEl": "Αστυνομική ταυτότητα ή διαβατήριο", "nameEn": "Identity card or passport", "exOfficio": false}], "fees": []}', 5, NULL, NULL),
 ('thessaloniki-protocol-filing', 'thessaloniki-general-protocol', 'Κατάθεση αίτησης στο Γενικό Πρωτόκολλο', 'Filing an application with the General Protocol',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 10}], "documents": [{"nameEl": "Αστυνομική ταυτότητα ή διαβατήριο", "nameEn": "Identity card or passport", "exOfficio": false}], "fees": []}', 5, 'Ενστάσεις, παράπονα και καταγγελίες αποστέλλονται και στο info@thessaloniki.gr.', 'Objections and complaints can also be sent to info@thessaloniki.gr.'),
 ('thessaloniki-transparency-information', 'thessaloniki-transparency', 'Ενημέρωση για θέματα διαφάνειας', 'Information on transparency matters',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 15}, {"mode": "PHONE", "durationMinutes": 15}, {"mode": "VIDEO", "durationMinutes": 15}], "documents": [], "fees": []}', 5, NULL, NULL),
 ('thermaikos-minor-passport', 'thermaikos-citizens-service', 'Διαβατήριο ανηλίκου χωρίς δελτίο ταυτότητας', 'Passport for a minor without an identity card',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 20}], "documents": [{"nameEl": "Αίτηση του γονέα (χορηγείται από την Υπηρεσία)", "nameEn": "Application by the parent (provided by the office)", "exOfficio": false}, {"nameEl": "Φωτογραφία του ανηλίκου", "nameEn": "Photograph of the minor", "exOfficio": false}, {"nameEl": "Δελτίο αστυνομικής ταυτότητας του αιτούντα", "nameEn": "Identity card of the applicant", "exOfficio": false}], "fees": []}', 5, 'Απαιτείται η φυσική παρουσία του ανηλίκου για να βεβαιωθεί η ταυτοπροσωπία.', 'The minor must attend in person so that their identity can be confirmed.'),
 ('thermaikos-change-of-address', 'thermaikos-citizens-service', 'Μεταβολή διεύθυνσης κατοικίας', 'Change of address',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 15}, {"mode": "VIDEO", "durationMinutes": 15}], "documents": [{"nameEl": "Αίτηση με αποδεικτικό της νέας διεύθυνσης (λογαριασμός ΔΕΗ, ΟΤΕ, ΕΥΑΘ ή εκκαθαριστικό)", "nameEn": "Application with proof of the new address (utility bill or tax assessment)", "exOfficio": false}, {"nameEl": "Δελτίο αστυνομικής ταυτότητας", "nameEn": "Identity card", "exOfficio": false}], "fees": []}', 5, NULL, NULL),
 ('thermaikos-transfer-married', 'thermaikos-citizens-service', 'Μεταδημότευση εγγάμων', 'Transfer of municipal registration (married)',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 30}], "documents": [{"nameEl": "Αιτήσεις – υπεύθυνες δηλώσεις των ενδιαφερομένων", "nameEn": "Applications and solemn declarations of those transferring", "exOfficio": false}, {"nameEl": "Πιστοποιητικό οικογενειακής κατάστασης", "nameEn": "Family status certificate", "exOfficio": true, "certificate": "FAMILY_STATUS"}, {"nameEl": "Ληξιαρχική πράξη γάμου", "nameEn": "Marriage certificate", "exOfficio": true}, {"nameEl": "Αποδεικτικά διετούς μόνιμης κατοικίας (εκκαθαριστικό και τελευταίος λογαριασμός ΔΕΗ, ΟΤΕ, ΔΕΥΑΘ ή κινητής)", "nameEn": "Proof of two years'' permanent residence (tax assessment and latest utility bill)", "exOfficio": false}, {"nameEl": "Φωτοαντίγραφο δελτίου ταυτότητας", "nameEn": "Copy of the identity card", "exOfficio": false}], "fees": []}', 5, NULL, NULL),
 ('thermaikos-transfer-unmarried', 'thermaikos-citizens-service', 'Μεταδημότευση αγάμων', 'Transfer of municipal registration (unmarried)',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 20}], "documents": [{"nameEl": "Αίτηση – υπεύθυνη δήλωση", "nameEn": "Application and solemn declaration", "exOfficio": false}, {"nameEl": "Ατομικό πιστοποιητικό γέννησης", "nameEn": "Individual birth certificate", "exOfficio": true, "certificate": "BIRTH"}, {"nameEl": "Αποδεικτικά διετούς μόνιμης κατοικίας", "nameEn": "Proof of two years'' permanent residence", "exOfficio": false}, {"nameEl": "Φωτοαντίγραφο δελτίου ταυτότητας", "nameEn": "Copy of the identity card", "exOfficio": false}], "fees": []}', 5, NULL, NULL),
 ('thermaikos-transfer-divorced', 'thermaikos-citizens-service', 'Μεταδημότευση διαζευγμένων', 'Transfer of municipal registration (divorced)',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 30}], "documents": [{"nameEl": "Αίτηση του ενδιαφερόμενου", "nameEn": "Application", "exOfficio": false}, {"nameEl": "Πιστοποιητικό οικογενειακής κατάστασης", "nameEn": "Family status certificate", "exOfficio": true, "certificate": "FAMILY_STATUS"}, {"nameEl": "Ληξιαρχική πράξη γάμου με καταχωρημένη τη λύση του", "nameEn": "Marriage certificate with its dissolution recorded", "exOfficio": true}, {"nameEl": "Για ανήλικα τέκνα: συμφωνητικό ή δικαστική απόφαση επιμέλειας", "nameEn": "For minor children: custody agreement or court decision", "exOfficio": false}], "fees": []}', 5, NULL, NULL),
 ('thermaikos-certificates', 'thermaikos-citizens-service', 'Έκδοση πιστοποιητικών δημοτολογίου', 'Municipal registry certificates',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 10}, {"mode": "VIDEO", "durationMinutes": 10}], "documents": [{"nameEl": "Ταυτότητα ή διαβατήριο", "nameEn": "Identity card or passport", "exOfficio": false}, {"nameEl": "Αυτοπρόσωπη παρουσία ή εξουσιοδότηση", "nameEn": "Attendance in person or an authorisation", "exOfficio": false}], "fees": []}', 5, NULL, NULL),
 ('thermaikos-naturalisation', 'thermaikos-citizens-service', 'Πολιτογράφηση – ενημέρωση για τα δικαιολογητικά', 'Naturalisation – guidance on the application',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 30}, {"mode": "VIDEO", "durationMinutes": 30}], "documents": [{"nameEl": "Δελτίο ή τίτλος νόμιμης διαμονής", "nameEn": "Residence permit", "exOfficio": false}, {"nameEl": "Ηλεκτρονικό παράβολο", "nameEn": "Electronic fee receipt (e-paravolo)", "exOfficio": false}], "fees": [{"descriptionEl": "Αρχική αίτηση πολιτογράφησης", "descriptionEn": "First naturalisation application", "amountEuro": 700}, {"descriptionEl": "Εκ νέου αίτηση μετά από απορριπτική απόφαση", "descriptionEn": "New application after a rejection", "amountEuro": 200}, {"descriptionEl": "Ομογενείς, πολίτες κρατών-μελών ΕΕ, πρόσφυγες και ανιθαγενείς (κάθε αίτηση)", "descriptionEn": "Persons of Greek descent, EU citizens, refugees and stateless persons (each application)", "amountEuro": 100}]}', 5, 'Η αίτηση κατατίθεται στην Αποκεντρωμένη Διοίκηση Μακεδονίας-Θράκης.', 'The application is filed with the Decentralised Administration of Macedonia and Thrace.'),
 ('kalamaria-registry-certificate', 'kalamaria-citizens-service', 'Έκδοση πιστοποιητικού δημοτολογίου', 'Municipal registry certificate',
  '{"modes": [{"mode": "IN_PERSON", "durationMinutes": 15}, {"mode": "PHONE", "durationMinutes": 10}], "documents": [{"nameEl": "Αστυνομική ταυτότητα ή διαβατήριο", "nameEn": "Identity card or passport", "exOfficio": false}], "fees": []}', 5, NULL, NULL)
ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, name_el = EXCLUDED.name_el, name_en = EXCLUDED.name_en, terms = EXCLUDED.terms, buffer_minutes = EXCLUDED.buffer_minutes, notes_el = EXCLUDED.notes_el, notes_en = EXCLUDED.notes_en;

INSERT INTO postal_area (postal_code, municipality_code) VALUES
 ('54621', 'thessaloniki'),
 ('54622', 'thessaloniki'),
 ('54623', 'thessaloniki'),
 ('54624', 'thessaloniki'),
 ('54625', 'thessaloniki'),
 ('54626', 'thessaloniki'),
 ('54627', 'thessaloniki'),
 ('54628', 'thessaloniki'),
 ('54629', 'thessaloniki'),
 ('54630', 'thessaloniki'),
 ('54631', 'thessaloniki'),
 ('54632', 'thessaloniki'),
 ('54633', 'thessaloniki'),
 ('54634', 'thessaloniki'),
 ('54635', 'thessaloniki'),
 ('54636', 'thessaloniki'),
 ('54638', 'thessaloniki'),
 ('54639', 'thessaloniki'),
 ('54640', 'thessaloniki'),
 ('54641', 'thessaloniki'),
 ('54642', 'thessaloniki'),
 ('54643', 'thessaloniki'),
 ('54644', 'thessaloniki'),
 ('54645', 'thessaloniki'),
 ('54646', 'thessaloniki'),
 ('57019', 'thermaikos'),
 ('63080', 'thermaikos'),
 ('57500', 'thermaikos'),
 ('55131', 'kalamaria'),
 ('55132', 'kalamaria'),
 ('55133', 'kalamaria'),
 ('55134', 'kalamaria')
ON CONFLICT (postal_code) DO UPDATE SET municipality_code = EXCLUDED.municipality_code;

-- citizen-nikos (AFM 123456783) has no record on purpose: the portal then asks for his details by declaration.
INSERT INTO citizen_record (tax_id, amka, first_name, last_name, father_name, birth_date, municipality_code, address, postal_code, email, mobile) VALUES
 ('094259216', '14038501236', 'Μαρία', 'Παπαδοπούλου', 'Γεώργιος', '1985-03-14', 'thessaloniki',
  'Εγνατίας 45, 546 30 Θεσσαλονίκη', '54630', 'maria@example.gr', '+306912345678')
ON CONFLICT (tax_id) DO UPDATE SET amka = EXCLUDED.amka, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, father_name = EXCLUDED.father_name, birth_date = EXCLUDED.birth_date, municipality_code = EXCLUDED.municipality_code, address = EXCLUDED.address, postal_code = EXCLUDED.postal_code, email = EXCLUDED.email, mobile = EXCLUDED.mobile;

-- Several employees per unit, serving different services (availability's demo copy lists the same people).
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
