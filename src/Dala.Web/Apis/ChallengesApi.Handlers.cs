using System.Globalization;
using System.Text;
using System.Text.Json;
using Dala.Quality.Claims;
using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Dala.Web.Auth;
using Dala.Web.Dto;
using Dala.Web.Http;
using Dala.Web.Predictions;
using Microsoft.AspNetCore.Http;

namespace Dala.Web.Apis;

public static partial class ChallengesApi
{
    private static IResult List(HttpRequest request, DalaWebSettings settings, RegistryViews views, CoverageRuns runs)
    {
        var q = new QueryReader(request.Query, ["status", "asOf", "windowMonths"]);
        var statusText = q.OneOf("status", Enum.GetValues<ClaimStatus>().Select(s => s.WireName()).ToArray());
        var asOf = q.Day("asOf");
        var months = q.Int("windowMonths", 1, 120) ?? ClaimCheck.DefaultWindowMonths;
        if (q.HasErrors) return q.Problem();
        if (settings.Claims is not { } store) return NoClaims();
        var view = views.Current();
        var date = asOf ?? view.AsOf;
        var results = Check(settings, view.Snapshot, runs, store.Claims(), new ClaimCheckOptions(date, months));
        var latest = ClaimCheckCsv.Latest(store.Challenges());
        var status = ClaimStatuses.Parse(statusText);
        var counts = Enum.GetValues<ClaimStatus>().ToDictionary(s => s.WireName(), s => results.Count(r => r.Status == s));
        var shown = results.Where(r => status is null || r.Status == status).Select(r => ToDto(r, view.Snapshot, latest.GetValueOrDefault(r.Claim.Id))).ToArray();
        return Results.Ok(new ClaimListDto(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ClaimCheck.Rule, ClaimCheck.MedianShare, ClaimCheck.Confidence,
            results.Any(r => r.Claim.Synthetic), counts, shown));
    }

    private static IReadOnlyList<ClaimCheckResult> Check(DalaWebSettings settings, RegistrySnapshot snapshot, CoverageRuns runs, IReadOnlyList<CoverageClaim> claims,
        ClaimCheckOptions options)
    {
        IPredictedService predictions = new CoveragePrediction(runs.Latest(), snapshot);
        return settings.Measurements is { } m
            ? ClaimCheck.Run(claims, m, predictions, options)
            : claims.Select(c => ClaimCheck.Evaluate(c, [], predictions.PredictedDownMbps(c.SettlementId, c.Technology), options)).ToArray();
    }

    private static async Task<IResult> PostClaims(HttpContext http, DalaWebSettings settings, RegistryViews views, CancellationToken cancel)
    {
        var request = http.Request;
        if (settings.Claims is not { } store) return NoClaims();
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var view = views.Current();
        ClaimsCsv.Result read;
        if (type is "text/csv" or "text/plain")
        {
            var text = await ReadText(request, cancel);
            if (text is null) return TooLarge();
            read = ClaimsCsv.Read(new StringReader(text), "upload.csv", view.Snapshot, view.AsOf);
            if (!read.Ok)
            {
                var malformed = read.Tally.Rejected.Any(e => e.Field is "file" or "header" or "row" && !e.Reason.StartsWith("duplicate", StringComparison.Ordinal));
                return Problem(read.Tally.Rejected.GroupBy(e => $"line {e.Line}: {e.Field}"), malformed);
            }
        }
        else
        {
            var body = await JsonBody.ReadAsync(request, MaxBodyBytes, cancel);
            if (body.Error is not null) return body.Error;
            using var doc = body.Document!;
            var errors = new BodyErrors();
            var csv = ClaimsJson.ToCsv(doc.RootElement, errors);
            if (csv is null) return errors.Problem("Invalid claims");
            read = ClaimsCsv.Read(new StringReader(csv), "upload.json", view.Snapshot, view.AsOf);
            if (!read.Ok) return Problem(read.Tally.Rejected.GroupBy(e => $"claims[{e.Line - 2}].{ClaimsJson.JsonName(e.Field)}"), false);
        }
        if (http.OwnOperator() is { } own && read.Claims.FirstOrDefault(c => c.OperatorId != own) is { } other)
            return HttpContextAuth.NotYourOperator($"the upload holds a claim of {other.OperatorId}; nothing was stored");
        var (stored, unchanged) = store.AddClaims(read.Claims);
        return Results.Ok(new ClaimImportDto(read.Tally.File, read.Tally.Read, stored, unchanged, read.Claims.Any(c => c.Synthetic)));
    }

    private static IResult Problem(IEnumerable<IGrouping<string, RowError>> errors, bool malformed) => Results.ValidationProblem(
        errors.ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()),
        title: malformed ? "Malformed claims file" : "Invalid claims; nothing was stored",
        statusCode: malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity);

    private static async Task<string?> ReadText(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBodyBytes) return null;
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IResult TooLarge() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
        detail: $"The body may be at most {MaxBodyBytes / 1024} KiB.");

    private static IResult Challenges(HttpContext http, DalaWebSettings settings, RegistryViews views)
    {
        if (settings.Claims is not { } store) return NoClaims();
        var claims = store.Claims().ToDictionary(c => c.Id);
        var snapshot = views.Current().Snapshot;
        var own = http.OwnOperator();
        return Results.Ok(store.Challenges().Where(c => own is null || claims.GetValueOrDefault(c.ClaimId)?.OperatorId == own)
            .Select(c => ToDto(c, claims.GetValueOrDefault(c.ClaimId), snapshot)).ToArray());
    }

    private static async Task<IResult> File(HttpContext http, DalaWebSettings settings, RegistryViews views, CoverageRuns runs, CancellationToken cancel)
    {
        if (settings.Claims is not { } store) return NoClaims();
        return await WithBody(http.Request, ["claimId", "actor", "note"], cancel, f =>
        {
            var claimId = f.Get("claimId") is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var l) ? l : (long?)null;
            if (claimId is null && f.Get("claimId") is not null) f.Wrong("claimId", "an integer");
            return (claimId, actor: Actor(http, f), note: f.String("note"));
        }, (x, errors) =>
        {
            if (x.claimId is null) { errors.Invalid("claimId", "required"); return errors.Problem("Invalid challenge"); }
            var view = views.Current();
            if (store.Claim(x.claimId.Value) is not { } claim) return Outcome(ChallengeOutcome.Fail(ChallengeErrorKind.NotFound, "claimId", $"no claim {x.claimId}"), view.Snapshot, store, 0);
            var check = Check(settings, view.Snapshot, runs, [claim], new ClaimCheckOptions(view.AsOf))[0];
            return Outcome(new ChallengeDesk(store, settings.Clock).File(check, x.actor, x.note), view.Snapshot, store, StatusCodes.Status201Created);
        });
    }

    private static async Task<IResult> Answer(long id, HttpContext http, DalaWebSettings settings, RegistryViews views, CancellationToken cancel)
    {
        if (settings.Claims is not { } store) return NoClaims();
        var request = http.Request;
        if (http.OwnOperator() is { } own && store.Challenges().FirstOrDefault(c => c.Id == id) is { } challenge
            && store.Claim(challenge.ClaimId)?.OperatorId != own)
            return HttpContextAuth.NotYourOperator($"challenge {id} is against another operator's claim");
        return await WithBody(request, ["actor", "note"], cancel, f => (actor: Actor(http, f), note: f.String("note")),
            (x, _) => Outcome(new ChallengeDesk(store, settings.Clock).Answer(id, x.actor, x.note), views.Current().Snapshot, store, StatusCodes.Status200OK));
    }

    private static async Task<IResult> Decision(long id, HttpContext http, DalaWebSettings settings, RegistryViews views, CancellationToken cancel)
    {
        if (settings.Claims is not { } store) return NoClaims();
        return await WithBody(http.Request, ["outcome", "actor", "note"], cancel,
            f => (outcome: f.String("outcome", required: true), actor: Actor(http, f), note: f.String("note")),
            (x, errors) =>
            {
                if (ChallengeStates.Parse(x.outcome) is not ({ } state and (ChallengeState.Upheld or ChallengeState.Rejected)))
                {
                    errors.Invalid("outcome", $"'{x.outcome}' is not upheld or rejected");
                    return errors.Problem("Invalid decision");
                }
                return Outcome(new ChallengeDesk(store, settings.Clock).Decide(id, state, x.actor, x.note), views.Current().Snapshot, store, StatusCodes.Status200OK);
            });
    }

    /// <summary>Who files, answers or decides: the principal, never the body. An <c>actor</c> field is still read, so a
    /// wrong type is a 400 as before, and then ignored.</summary>
    private static string Actor(HttpContext http, JsonFields f)
    {
        f.String("actor");
        return http.Actor();
    }

    private static async Task<IResult> WithBody<T>(HttpRequest request, string[] known, CancellationToken cancel, Func<JsonFields, T> read, Func<T, BodyErrors, IResult> act)
    {
        var body = await JsonBody.ReadAsync(request, 64 * 1024, cancel);
        if (body.Error is not null) return body.Error;
        using var doc = body.Document!;
        var errors = new BodyErrors();
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected a JSON object");
            return errors.Problem("Malformed request body");
        }
        var value = read(new JsonFields(doc.RootElement, "", errors, known));
        return errors.Any ? errors.Problem("Invalid request") : act(value, errors);
    }

    private static IResult Outcome(ChallengeOutcome o, RegistrySnapshot snapshot, IClaimStore store, int okStatus)
    {
        if (o.Error is { } e)
            return e.Kind switch
            {
                ChallengeErrorKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: e.Message),
                ChallengeErrorKind.IllegalTransition => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed in this state", detail: e.Message),
                _ => Results.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] }, title: "Invalid request",
                    statusCode: StatusCodes.Status422UnprocessableEntity),
            };
        var dto = ToDto(o.Challenge!, store.Claim(o.Challenge!.ClaimId), snapshot);
        return okStatus == StatusCodes.Status201Created ? Results.Created($"/api/quality/challenges/{dto.Id}", dto) : Results.Ok(dto);
    }

    private static string T(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static ClaimDto ToDto(ClaimCheckResult r, RegistrySnapshot snapshot, Challenge? challenge)
    {
        var c = r.Claim;
        var s = snapshot.SettlementsById.GetValueOrDefault(c.SettlementId);
        return new ClaimDto(c.Id, c.SettlementId, s?.Name.Local, s?.RegionCode, c.OperatorId, c.Technology.WireName(), c.ClaimedDownMbps,
            c.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.N, r.K, r.Share, r.N == 0 ? null : r.Interval.Low, r.N == 0 ? null : r.Interval.High,
            r.Status.WireName(), r.Status.Label(), r.PredictedDownMbps, r.Prediction.WireName(), c.Synthetic, c.SourceFile, c.WithdrawnBy,
            challenge?.Id, challenge?.State.WireName());
    }

    private static ChallengeDto ToDto(Challenge c, CoverageClaim? claim, RegistrySnapshot snapshot)
    {
        var e = c.Evidence;
        var s = claim is null ? null : snapshot.SettlementsById.GetValueOrDefault(claim.SettlementId);
        return new ChallengeDto(c.Id, c.ClaimId, claim?.SettlementId, s?.Name.Local, claim?.OperatorId, claim?.ClaimedDownMbps, c.State.WireName(), c.FiledBy,
            T(c.FiledAt), c.Note, new ChallengeEvidenceDto(e.N, e.K, e.CiLow, e.CiHigh, e.Status.WireName(), e.PredictedDownMbps, T(e.From), T(e.To)), c.Synthetic,
            c.AnsweredBy, c.AnsweredAt is { } a ? T(a) : null, c.Answer, c.DecidedBy, c.DecidedAt is { } d ? T(d) : null, c.DecisionNote);
    }
}
