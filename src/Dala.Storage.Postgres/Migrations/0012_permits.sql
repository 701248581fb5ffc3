-- Permit requests for masts (one row per request; the dates of its stages, NULL while not yet passed) and the sites
-- regional administrations offer for base stations (public buildings). Small tables: reference tables under Citus.
CREATE TABLE permit_requests (
    request_id       text PRIMARY KEY,
    operator         text NOT NULL,
    region           text NOT NULL,
    opened           date NOT NULL,
    lon              double precision,
    lat              double precision,
    site_id          text,
    land_allotted    date,
    power_connected  date,
    design_approved  date,
    permit_issued    date,
    built            date,
    on_air           date
);
CREATE INDEX permit_requests_region ON permit_requests (region, operator);

CREATE TABLE permit_sites_offered (
    site_id     text PRIMARY KEY,
    region      text NOT NULL,
    name        text NOT NULL,
    lon         double precision NOT NULL,
    lat         double precision NOT NULL,
    offered     date NOT NULL,
    offered_by  text NOT NULL,
    building    text,
    taken_by    text
);
