using System.Text.Json;
using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;

namespace Dala.Web.Apis;

/// <summary>Radio sites and their sectors as a GeoJSON map layer.</summary>
public static class SitesApi
{
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sites", (HttpRequest request, RegistryViews views, ViewCache cache) =>
        {
            var q = new QueryReader(request.Query, []);
            if (q.HasErrors) return q.Problem();
            var view = views.Current();
            return GeoJsonResult.Cached(cache, view, "sites", w => Write(w, view.Snapshot.Sites));
        }).WithName("GetSites").WithTags("Radio")
          .WithSummary("Radio sites with their sectors (GeoJSON points); synthetic sites are flagged")
          .AlsoProduces(GeoJsonResult.ContentType).ProducesValidationProblem();
        return app;
    }

    private static void Write(Utf8JsonWriter w, IReadOnlyList<Site> sites)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteBoolean("synthetic", sites.Any(s => s.Synthetic));
        w.WriteStartArray("features");
        foreach (var s in sites)
        {
            GeoJsonResult.Feature(w, GeoJsonGeometry.Factory.CreatePoint(new Coordinate(s.Location.Lon, s.Location.Lat)), p =>
            {
                p.WriteString("id", s.Id);
                p.WriteString("name", s.Name);
                p.WriteString("operator", s.OperatorId);
                p.WriteNumber("mastM", s.MastM);
                if (s.GroundM is { } g) p.WriteNumber("groundM", g); else p.WriteNull("groundM");
                p.WriteBoolean("synthetic", s.Synthetic);
                p.WriteString("source", s.Source);
                p.WriteStartArray("sectors");
                foreach (var c in s.Sectors)
                {
                    p.WriteStartObject();
                    p.WriteString("id", c.Id);
                    p.WriteNumber("azimuthDeg", c.AzimuthDeg);
                    p.WriteNumber("tiltDeg", c.TiltDeg);
                    p.WriteNumber("frequencyMHz", c.FrequencyMHz);
                    p.WriteNumber("bandwidthMHz", c.BandwidthMHz);
                    p.WriteNumber("eirpDbm", c.EirpDbm);
                    p.WriteString("technology", c.Technology.WireName());
                    p.WriteString("pattern", c.Pattern);
                    p.WriteEndObject();
                }
                p.WriteEndArray();
            }, decimals: 6);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
