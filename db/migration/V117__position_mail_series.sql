-- The series a position given by mail rests on (its summary without version), so that
-- a newer version of one series marks only the positions given on that series, and an
-- older thread imported after a newer one leaves the newer mail standing. Positions
-- imported before keep null: of whichever series.
alter table position add column mail_series varchar(500);
