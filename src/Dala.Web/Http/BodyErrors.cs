using Microsoft.AspNetCore.Http;

namespace Dala.Web.Http;

/// <summary>
/// Problems of a JSON body, each under its field's JSON path (<c>targets[0].share</c>, <c>costs.items.x.value</c>).
/// A wrong JSON type or an unknown field makes the body malformed (400); values of the right type that are not
/// acceptable make it invalid (422).
/// </summary>
public sealed class BodyErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Malformed { get; private set; }

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>A value of the right type that is not acceptable (422).</summary>
    public void Invalid(string field, string reason) => Add(field, reason);

    /// <summary>The wrong JSON type, an unknown or repeated field (400).</summary>
    public void WrongShape(string field, string reason)
    {
        Malformed = true;
        Add(field, reason);
    }

    public IResult Problem(string title) => Results.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: Malformed ? "Malformed request body" : title,
        statusCode: Malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity);

    private void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(reason);
    }
}
