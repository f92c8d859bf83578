-- Days the state closes every municipality's offices beyond the fixed calendar (AV-2): a holiday moved by decision
-- (Labour Day, when 1 May falls in Holy Week, moves after Easter) or a day of national mourning. A moved holiday
-- names the date it moved from, on which offices then open, unless another holiday falls on it as well.
CREATE TABLE national_closure (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day         date NOT NULL UNIQUE,
    name_el     text NOT NULL,
    name_en     text NOT NULL,
    moved_from  date,
    declared_by text NOT NULL,
    CHECK (moved_from IS NULL OR moved_from <> day)
);

-- The moves already decided or fixed by the rule: 1 May in Holy Week moves to the Tuesday after Easter.
INSERT INTO national_closure (day, name_el, name_en, moved_from, declared_by) VALUES
    ('2021-05-04', 'Εργατική Πρωτομαγιά (μεταφορά)', 'Labour Day (moved)', '2021-05-01', 'system'),
    ('2024-05-07', 'Εργατική Πρωτομαγιά (μεταφορά)', 'Labour Day (moved)', '2024-05-01', 'system'),
    ('2027-05-04', 'Εργατική Πρωτομαγιά (μεταφορά)', 'Labour Day (moved)', '2027-05-01', 'system');
