using Dala.Radio.Models;

namespace Dala.Radio.Tests.Models;

/// <summary>Each validity bound of Hata and COST-231: the bound itself passes, just outside throws with model, quantity, value and range.</summary>
public class ValidityBoundaryTests
{
    private const double Eps = 1e-6;

    // A valid request for each model; one quantity at a time is moved to a bound.
    private static readonly PathLossRequest HataOk = new(900, 5, 50, 1.5);
    private static readonly PathLossRequest CostOk = new(1800, 5, 50, 1.5);

    public static TheoryData<string, string, double, string> Bounds() => new()
    {
        // model, request property, bound, "min" or "max"
        { "hata", "FrequencyMHz", 150, "min" }, { "hata", "FrequencyMHz", 1500, "max" },
        { "hata", "DistanceKm", 1, "min" }, { "hata", "DistanceKm", 20, "max" },
        { "hata", "TxHeightM", 30, "min" }, { "hata", "TxHeightM", 200, "max" },
        { "hata", "RxHeightM", 1, "min" }, { "hata", "RxHeightM", 10, "max" },
        { "cost", "FrequencyMHz", 1500, "min" }, { "cost", "FrequencyMHz", 2000, "max" },
        { "cost", "DistanceKm", 1, "min" }, { "cost", "DistanceKm", 20, "max" },
        { "cost", "TxHeightM", 30, "min" }, { "cost", "TxHeightM", 200, "max" },
        { "cost", "RxHeightM", 1, "min" }, { "cost", "RxHeightM", 10, "max" },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void On_the_bound_and_just_inside_pass(string model, string property, double bound, string side)
    {
        var inside = side == "min" ? bound + Eps : bound - Eps;
        foreach (var environment in Environments(model))
        {
            Assert.True(double.IsFinite(environment.PathLoss(With(Ok(model), property, bound)).LossDb));
            Assert.True(double.IsFinite(environment.PathLoss(With(Ok(model), property, inside)).LossDb));
        }
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Just_outside_throws_naming_model_quantity_value_and_range(string model, string property, double bound, string side)
    {
        var outside = side == "min" ? bound - Eps : bound + Eps;
        foreach (var environment in Environments(model))
        {
            var e = Assert.Throws<ModelValidityException>(() => environment.PathLoss(With(Ok(model), property, outside)));
            Assert.IsAssignableFrom<ArgumentOutOfRangeException>(e);
            Assert.Equal(model == "hata" ? OkumuraHataModel.Name : Cost231HataModel.Name, e.Model);
            Assert.Equal(property, e.ParamName);
            Assert.Equal(outside, e.Value);
            Assert.Equal(outside, e.ActualValue);
            Assert.Contains(bound.ToString(System.Globalization.CultureInfo.InvariantCulture), e.ValidRange, StringComparison.Ordinal);
            Assert.StartsWith($"{e.Model}: {e.Quantity} {outside.ToString(System.Globalization.CultureInfo.InvariantCulture)} {e.Unit} is outside the model's validity range {e.ValidRange}", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_message_reads_as_a_sentence()
    {
        var e = Assert.Throws<ModelValidityException>(() => new OkumuraHataModel(HataEnvironment.Open).PathLoss(HataOk with { FrequencyMHz = 1600 }));
        Assert.Equal("Okumura-Hata: frequency 1600 MHz is outside the model's validity range 150..1500 MHz", e.Reason);
        Assert.Equal("FrequencyMHz", e.ParamName);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(200 + Eps, false)]
    [InlineData(400 - Eps, false)]
    [InlineData(400, true)]
    public void Large_city_has_no_mobile_correction_between_200_and_400_MHz(double frequencyMHz, bool valid)
    {
        var model = new OkumuraHataModel(HataEnvironment.LargeCity);
        var request = HataOk with { FrequencyMHz = frequencyMHz };
        if (valid)
        {
            Assert.True(double.IsFinite(model.PathLoss(request).LossDb));
            return;
        }
        var e = Assert.Throws<ModelValidityException>(() => model.PathLoss(request));
        Assert.Equal("150..200 or 400..1500 MHz (Hata gives no large-city mobile-antenna correction between 200 and 400 MHz)", e.ValidRange);
        // The other environments have no gap.
        Assert.True(double.IsFinite(new OkumuraHataModel(HataEnvironment.SmallMediumCity).PathLoss(request).LossDb));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_inputs_are_outside_every_range(double value)
    {
        Assert.Throws<ModelValidityException>(() => new OkumuraHataModel(HataEnvironment.Suburban).PathLoss(HataOk with { DistanceKm = value }));
        Assert.Throws<ModelValidityException>(() => new Cost231HataModel(Cost231Environment.Metropolitan).PathLoss(CostOk with { RxHeightM = value }));
    }

    [Fact]
    public void An_undefined_environment_is_refused_when_the_model_is_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OkumuraHataModel((HataEnvironment)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Cost231HataModel((Cost231Environment)2));
    }

    private static PathLossRequest Ok(string model) => model == "hata" ? HataOk : CostOk;

    private static IEnumerable<IPropagationModel> Environments(string model) => model == "hata"
        ? Enum.GetValues<HataEnvironment>().Select(e => (IPropagationModel)new OkumuraHataModel(e))
        : Enum.GetValues<Cost231Environment>().Select(e => (IPropagationModel)new Cost231HataModel(e));

    private static PathLossRequest With(PathLossRequest r, string property, double value) => property switch
    {
        "FrequencyMHz" => r with { FrequencyMHz = value },
        "DistanceKm" => r with { DistanceKm = value },
        "TxHeightM" => r with { TxHeightM = value },
        "RxHeightM" => r with { RxHeightM = value },
        _ => throw new ArgumentException(property, nameof(property)),
    };
}
