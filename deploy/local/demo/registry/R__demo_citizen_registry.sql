-- Demo Citizen Registry records (seed 002): the demo citizens' civil acts and family records. Maria Papadopoulou
-- (citizen-maria) and Nikos Antoniou (citizen-nikos) are married, with two minor children, and registered in
-- Thessaloniki; Eleni Kosta (business-eleni) is registered in Thermaikos. Fixed ids, so that the file can run again.
INSERT INTO civil_act (id, kind, registry_office, year, volume, act_number, event_date, event_place, persons, tax_ids, version, recorded_at, recorded_by) VALUES
 ('6b1f0c1e-0000-4000-8000-000000000001', 'BIRTH', 'thessaloniki', 1985, 3, 412, '1985-03-14', 'Θεσσαλονίκη',
  '{"persons": [{"role":"CHILD","taxId":"094259216","firstName":"Μαρία","lastName":"Παπαδοπούλου","fatherName":"Γεώργιος","motherName":"Άννα","birthDate":"1985-03-14","sex":"F"},
    {"role":"FATHER","firstName":"Γεώργιος","lastName":"Παπαδόπουλος"},
    {"role":"MOTHER","firstName":"Άννα","lastName":"Παπαδοπούλου"}]}',
  '{094259216}', 1, '2016-11-04T09:00:00Z', 'migration'),
 ('6b1f0c1e-0000-4000-8000-000000000002', 'MARRIAGE', 'thessaloniki', 2012, 1, 87, '2012-06-23', 'Θεσσαλονίκη',
  '{"persons": [{"role":"SPOUSE","taxId":"123456783","firstName":"Νικόλαος","lastName":"Αντωνίου","fatherName":"Κωνσταντίνος","motherName":"Ελένη","birthDate":"1982-11-02","sex":"M"},
    {"role":"SPOUSE","taxId":"094259216","firstName":"Μαρία","lastName":"Παπαδοπούλου","fatherName":"Γεώργιος","motherName":"Άννα","birthDate":"1985-03-14","sex":"F"}]}',
  '{123456783,094259216}', 1, '2016-11-04T09:00:00Z', 'migration'),
 ('6b1f0c1e-0000-4000-8000-000000000003', 'BIRTH', 'thessaloniki', 2014, 2, 1530, '2014-06-02', 'Θεσσαλονίκη',
  '{"persons": [{"role":"CHILD","taxId":"164820934","firstName":"Γεώργιος","lastName":"Αντωνίου","fatherName":"Νικόλαος","motherName":"Μαρία","birthDate":"2014-06-02","sex":"M"},
    {"role":"FATHER","taxId":"123456783","firstName":"Νικόλαος","lastName":"Αντωνίου"},
    {"role":"MOTHER","taxId":"094259216","firstName":"Μαρία","lastName":"Παπαδοπούλου"}]}',
  '{164820934,123456783,094259216}', 1, '2016-11-04T09:00:00Z', 'migration'),
 ('6b1f0c1e-0000-4000-8000-000000000004', 'BIRTH', 'thessaloniki', 2019, 4, 2211, '2019-09-20', 'Θεσσαλονίκη',
  '{"persons": [{"role":"CHILD","taxId":"164820946","firstName":"Ελένη","lastName":"Αντωνίου","fatherName":"Νικόλαος","motherName":"Μαρία","birthDate":"2019-09-20","sex":"F"},
    {"role":"FATHER","taxId":"123456783","firstName":"Νικόλαος","lastName":"Αντωνίου"},
    {"role":"MOTHER","taxId":"094259216","firstName":"Μαρία","lastName":"Παπαδοπούλου"}]}',
  '{164820946,123456783,094259216}', 1, '2019-09-25T08:30:00Z', 'migration'),
 ('6b1f0c1e-0000-4000-8000-000000000005', 'BIRTH', 'thermaikos', 1979, 1, 58, '1979-01-30', 'Περαία',
  '{"persons": [{"role":"CHILD","taxId":"135792468","firstName":"Ελένη","lastName":"Κώστα","fatherName":"Δημήτριος","motherName":"Σοφία","birthDate":"1979-01-30","sex":"F"},
    {"role":"FATHER","firstName":"Δημήτριος","lastName":"Κώστας"},
    {"role":"MOTHER","firstName":"Σοφία","lastName":"Κώστα"}]}',
  '{135792468}', 1, '2016-11-04T09:00:00Z', 'migration')
ON CONFLICT (id) DO NOTHING;

INSERT INTO family_share (id, municipality_code, share_number, persons, tax_ids, version, recorded_at, recorded_by) VALUES
 ('7c2e1d2f-0000-4000-8000-000000000001', 'thessaloniki', 4821,
  '{"persons": [{"role":"HEAD","taxId":"123456783","firstName":"Νικόλαος","lastName":"Αντωνίου","fatherName":"Κωνσταντίνος","motherName":"Ελένη","birthDate":"1982-11-02","sex":"M"},
    {"role":"SPOUSE","taxId":"094259216","firstName":"Μαρία","lastName":"Παπαδοπούλου","fatherName":"Γεώργιος","motherName":"Άννα","birthDate":"1985-03-14","sex":"F"},
    {"role":"CHILD","taxId":"164820934","firstName":"Γεώργιος","lastName":"Αντωνίου","fatherName":"Νικόλαος","motherName":"Μαρία","birthDate":"2014-06-02","sex":"M"},
    {"role":"CHILD","taxId":"164820946","firstName":"Ελένη","lastName":"Αντωνίου","fatherName":"Νικόλαος","motherName":"Μαρία","birthDate":"2019-09-20","sex":"F"}]}',
  '{123456783,094259216,164820934,164820946}', 1, '2016-11-04T09:00:00Z', 'migration'),
 ('7c2e1d2f-0000-4000-8000-000000000002', 'thermaikos', 312,
  '{"persons": [{"role":"HEAD","taxId":"135792468","firstName":"Ελένη","lastName":"Κώστα","fatherName":"Δημήτριος","motherName":"Σοφία","birthDate":"1979-01-30","sex":"F"}]}',
  '{135792468}', 1, '2016-11-04T09:00:00Z', 'migration')
ON CONFLICT (id) DO NOTHING;
