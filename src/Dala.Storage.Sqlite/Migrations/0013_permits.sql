-- Permit requests for masts (one row per request; the dates of its stages, NULL while not yet passed) and the sites
-- regional administrations offer for base stations (public buildings). Dates are YYYY-MM-DD text.
CREATE TABLE permit_requests (
    request_id       TEXT PRIMARY KEY,
    operator         TEXT NOT NULL,
    region           TEXT NOT NULL,     -- ISO 3166-2:KZ
    opened           TEXT NOT NULL,
    lon              REAL,
    lat              REAL,
    site_id          TEXT,              -- a planned or offered site, when linked
    land_allotted    TEXT,
    power_connected  TEXT,
    design_approved  TEXT,
    permit_issued    TEXT,
    built            TEXT,
    on_air           TEXT
);
CREATE INDEX permit_requests_region ON permit_requests (region, operator);

CREATE TABLE permit_sites_offered (
    site_id     TEXT PRIMARY KEY,
    region      TEXT NOT NULL,
    name        TEXT NOT NULL,
    lon         REAL NOT NULL,
    lat         REAL NOT NULL,
    offered     TEXT NOT NULL,
    offered_by  TEXT NOT NULL,
    building    TEXT,
    taken_by    TEXT               -- the request that took the site up, if any
);
