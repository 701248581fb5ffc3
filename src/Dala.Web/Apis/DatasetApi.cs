using Dala.Registry.Query;
using Dala.Web.Dto;
using Dala.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dala.Web.Apis;

public static class DatasetApi
{
    public static IEndpointRouteBuilder MapDatasetApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dataset", (RegistryViews views, DalaWebSettings settings) =>
        {
            var snap = views.Current().Snapshot;
            var d = DatasetDescription.Of(snap);
            return TypedResults.Ok(new DatasetDto(d.Name, d.Synthetic, d.SyntheticNote,
                snap.Sources.Select(s => new SourceDto(s.Kind, s.Name, s.ImportedAt, s.Rows, s.RowsRead, s.Synthetic)).ToArray(),
                snap.Revision, snap.Settlements.Count, snap.Regions.Count, snap.Regions.Any(r => r.Area is not null),
                settings.Store.Describe()));
        }).TakesQuery().WithName("GetDataset").WithTags("Registry").WithSummary("The dataset shown: its name, sources and whether any of it is synthetic");

        app.MapGet("/api/outline", (RegistryViews views) =>
        {
            var snap = views.Current().Snapshot;
            return GeoJsonResult.Of(w =>
            {
                GeoJsonResult.StartCollection(w);
                if (snap.Outline is { } outline)
                {
                    GeoJsonResult.Feature(w, outline, p => p.WriteString("source", snap.OutlineSource));
                }
                GeoJsonResult.EndCollection(w);
            });
        }).TakesQuery().WithName("GetOutline").WithTags("Registry").WithSummary("The country outline as a GeoJSON FeatureCollection")
          .AlsoProduces(GeoJsonResult.ContentType);
        return app;
    }
}
