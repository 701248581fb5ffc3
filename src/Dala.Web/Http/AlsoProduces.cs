using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dala.Web.Http;

/// <summary>
/// Endpoint metadata: besides its JSON body, the 200 answer comes in these media types (format=geojson, csv).
/// The OpenAPI document lists them with a schema saying what they are.
/// </summary>
public sealed record AlsoProduces(IReadOnlyList<string> ContentTypes)
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [GeoJsonResult.ContentType] = "A GeoJSON FeatureCollection (RFC 7946)",
        ["text/csv"] = "CSV (RFC 4180) with a header row",
    };

    public static Task Transform(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var meta = context.Description.ActionDescriptor.EndpointMetadata.OfType<AlsoProduces>().FirstOrDefault();
        if (meta is null || operation.Responses is null) return Task.CompletedTask;
        if (!operation.Responses.TryGetValue("200", out var ok))
        {
            ok = new OpenApiResponse { Description = "OK" };
            operation.Responses["200"] = ok;
        }
        if (ok is not OpenApiResponse response) return Task.CompletedTask;
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var ct in meta.ContentTypes)
        {
            response.Content[ct] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = ct == "text/csv" ? JsonSchemaType.String : JsonSchemaType.Object,
                    Description = Descriptions.GetValueOrDefault(ct, ct),
                },
            };
        }
        return Task.CompletedTask;
    }
}

public static class AlsoProducesExtensions
{
    public static RouteHandlerBuilder AlsoProduces(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.WithMetadata(new AlsoProduces(contentTypes));
}
