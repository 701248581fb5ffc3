using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Dala.Web.Http;

/// <summary>
/// Documents a JSON request body that the handler reads by hand (<see cref="JsonBody"/>). Unlike <c>Accepts</c>,
/// it adds no content-type constraint to routing, so a wrong content type reaches the handler and gets its 415.
/// </summary>
public static class JsonRequestBody
{
    public static RouteHandlerBuilder DocumentsJsonBody(this RouteHandlerBuilder builder, IOpenApiSchema schema) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
            return Task.CompletedTask;
        });
}
