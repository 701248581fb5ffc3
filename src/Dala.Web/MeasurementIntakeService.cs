using Dala.Quality.Intake;

namespace Dala.Web;

/// <summary>The one intake of the web app (measurements posted and tests run on our ndt7 server).</summary>
public sealed class MeasurementIntakeService(DalaWebSettings settings)
{
    private readonly Lazy<MeasurementIntake?> _intake = new(() => settings.Measurements is { } m
        ? new MeasurementIntake(settings.Store, m, settings.Clock, settings.Operators) : null);

    public MeasurementIntake Get() => _intake.Value ?? throw new InvalidOperationException("this server keeps no measurements");

    public bool Available => _intake.Value is not null;
}
