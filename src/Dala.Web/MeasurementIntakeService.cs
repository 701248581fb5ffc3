using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Web.Operations;

namespace Dala.Web;

/// <summary>The one intake of the web app (measurements posted and tests run on our ndt7 server); every batch is counted in the metrics.</summary>
public sealed class MeasurementIntakeService(DalaWebSettings settings, DalaMetrics metrics)
{
    private readonly Lazy<MeasurementIntake?> _intake = new(() => settings.Measurements is { } m
        ? new MeasurementIntake(settings.Store, m, settings.Clock, settings.Operators) : null);

    public MeasurementIntake Get() => _intake.Value ?? throw new InvalidOperationException("this server keeps no measurements");

    public bool Available => _intake.Value is not null;

    public IntakeResult AcceptNdjson(string body, string origin, MeasurementSource defaultSource) => Counted(Get().AcceptNdjson(body, origin, defaultSource));

    public IntakeResult AcceptFields(IReadOnlyDictionary<string, string> fields, string origin, MeasurementSource source) =>
        Counted(Get().AcceptFields(fields, origin, source));

    private IntakeResult Counted(IntakeResult result)
    {
        metrics.Intake(result);
        return result;
    }
}
