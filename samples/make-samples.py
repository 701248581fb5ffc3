#!/usr/bin/env python3
"""Writes the SYNTHETIC sample files of the README tour (run from anywhere; writes beside this script):

- srtm/N51E071.hgt: a SYNTHETIC SRTM3 tile (1201 x 1201 big-endian signed 16-bit heights in metres, row 0 on the
  north edge, 3 arc-seconds apart), a plain at 350 m with a 250 m ridge from (71.2, 51.3) to (71.8, 51.7). Not terrain.
- north-kz-roads.osm: a SYNTHETIC road lattice every 0.25 degrees over North Kazakhstan Region, in OSM XML. Not roads.

The CSV and NDJSON samples are written by hand (see docs/formats.md)."""
import math
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))


def dem():
    size, west, north = 1201, 71.0, 52.0
    km_lat = 6371.0088 * math.pi / 180
    km_lon = km_lat * math.cos(math.radians(51.5))
    ax, ay, bx, by = 71.2 * km_lon, 51.3 * km_lat, 71.8 * km_lon, 51.7 * km_lat
    dx, dy = bx - ax, by - ay
    len2 = dx * dx + dy * dy
    rows = []
    for r in range(size):
        lat = north - r / (size - 1)
        row = []
        for c in range(size):
            lon = west + c / (size - 1)
            px, py = lon * km_lon - ax, lat * km_lat - ay
            t = max(0.0, min(1.0, (px * dx + py * dy) / len2))
            ex, ey = px - t * dx, py - t * dy
            row.append(int(round(350 + 250 * math.exp(-(ex * ex + ey * ey) / 9.0))))
        rows.append(struct.pack('>%dh' % size, *row))
    os.makedirs(os.path.join(here, 'srtm'), exist_ok=True)
    with open(os.path.join(here, 'srtm', 'N51E071.hgt'), 'wb') as f:
        f.write(b''.join(rows))


def roads():
    lons = [66.0 + 0.25 * i for i in range(33)]
    lats = [52.25 + 0.25 * j for j in range(13)]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!-- SYNTHETIC road network for the README tour: a lattice of roads every 0.25 degrees over North Kazakhstan',
           '     Region (KZ-59), not real roads. Made by samples/make-samples.py. Format: OpenStreetMap XML (.osm). -->',
           '<osm version="0.6" generator="dala samples (SYNTHETIC)">']
    ids = {}
    n = 1
    for j, lat in enumerate(lats):
        for i, lon in enumerate(lons):
            ids[(i, j)] = n
            out.append(f'  <node id="{n}" lat="{lat:.2f}" lon="{lon:.2f}"/>')
            n += 1
    w = 1000
    for j in range(len(lats)):
        cls = 'primary' if j == len(lats) // 2 else 'tertiary'
        out.append(f'  <way id="{w}">' + ''.join(f'<nd ref="{ids[(i, j)]}"/>' for i in range(len(lons))) +
                   f'<tag k="highway" v="{cls}"/><tag k="note" v="SYNTHETIC"/></way>')
        w += 1
    for i in range(len(lons)):
        cls = 'track' if i % 2 else 'unclassified'
        out.append(f'  <way id="{w}">' + ''.join(f'<nd ref="{ids[(i, j)]}"/>' for j in range(len(lats))) +
                   f'<tag k="highway" v="{cls}"/><tag k="note" v="SYNTHETIC"/></way>')
        w += 1
    out.append('</osm>')
    with open(os.path.join(here, 'north-kz-roads.osm'), 'w') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    dem()
    roads()
