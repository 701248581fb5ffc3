using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Http;

/// <summary>
/// Reads query parameters by hand so that every bad value is named in a 400 problem+json (never a binder
/// failure or a 500): unknown parameters, numbers that are not numbers, values outside their set.
/// </summary>
public sealed class QueryReader(IQueryCollection query, IReadOnlyCollection<string> known)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0 || Unknown().Any();

    public string? Text(string name)
    {
        var v = query[name].ToString().Trim();
        return v.Length == 0 ? null : v;
    }

    public int? Int(string name, int min, int max)
    {
        var t = Text(name);
        if (t is null) return null;
        if (!int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return Error<int?>(name, $"'{t}' is not an integer");
        if (v < min || v > max) return Error<int?>(name, $"{v} is outside [{min}, {max}]");
        return v;
    }

    public long? Long(string name, long min, long max)
    {
        var t = Text(name);
        if (t is null) return null;
        if (!long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return Error<long?>(name, $"'{t}' is not an integer");
        if (v < min || v > max) return Error<long?>(name, $"{v} is outside [{min}, {max}]");
        return v;
    }

    public double? Double(string name, double min, double max)
    {
        var t = Text(name);
        if (t is null) return null;
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) return Error<double?>(name, $"'{t}' is not a number");
        if (v < min || v > max) return Error<double?>(name, $"{v.ToString(CultureInfo.InvariantCulture)} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return v;
    }

    /// <summary>A calendar month YYYY-MM (2026-13 is refused), as given.</summary>
    public string? Month(string name)
    {
        var t = Text(name);
        if (t is null) return null;
        return t.Length == 7 && DateOnly.TryParseExact(t + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? t : Error<string?>(name, $"'{t}' is not a month YYYY-MM");
    }

    /// <summary>A calendar day YYYY-MM-DD (2026-02-30 is refused).</summary>
    public DateOnly? Day(string name)
    {
        var t = Text(name);
        if (t is null) return null;
        return DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Error<DateOnly?>(name, $"'{t}' is not a day YYYY-MM-DD");
    }

    public string? OneOf(string name, IReadOnlyCollection<string> allowed)
    {
        var t = Text(name);
        if (t is null || allowed.Contains(t)) return t;
        return Error<string?>(name, $"'{t}' is not one of {string.Join(", ", allowed)}");
    }

    /// <summary>A comma-separated list whose items must each be allowed (compared exactly).</summary>
    public IReadOnlySet<string>? ListOf(string name, IReadOnlyCollection<string> allowed)
    {
        var t = Text(name);
        if (t is null) return null;
        var items = t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var bad = items.Where(i => !allowed.Contains(i)).ToArray();
        if (bad.Length > 0) return Error<IReadOnlySet<string>?>(name, $"{string.Join(", ", bad.Select(b => $"'{b}'"))} not among {string.Join(", ", allowed)}");
        return items;
    }

    public T? Error<T>(string name, string message)
    {
        if (!_errors.TryGetValue(name, out var list)) _errors[name] = list = [];
        list.Add(message);
        return default;
    }

    public IResult Problem()
    {
        foreach (var u in Unknown()) Error<object>(u, $"unknown parameter (known: {string.Join(", ", known)})");
        return Results.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: "Invalid query parameters", statusCode: StatusCodes.Status400BadRequest);
    }

    private IEnumerable<string> Unknown() => query.Keys.Where(k => !known.Contains(k));
}

public static class QueryReaderExtensions
{
    /// <summary>
    /// For an endpoint whose handler reads no query through <see cref="QueryReader"/>: the parameters it takes (none when
    /// none are given); any other is refused with the same 400 problem+json before the handler runs.
    /// </summary>
    public static RouteHandlerBuilder TakesQuery(this RouteHandlerBuilder builder, params string[] known) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var q = new QueryReader(context.HttpContext.Request.Query, known);
            return q.HasErrors ? q.Problem() : await next(context);
        }).ProducesValidationProblem();
}
