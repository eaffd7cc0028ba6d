using AfterSales.Gateway.Zones;

namespace AfterSales.Gateway.Tests.Zones;

public sealed class ZoneBandsTests
{
    private const double Vref = 3.3;
    private const double PullUp = 4_700;
    private const double Eol = 4_700;
    private const double AlarmResistor = 4_700;
    private const double TamperResistor = 22_000;

    private readonly ZoneBands _defaults = new();

    /// <summary>The documented wiring: V = Vref × R_loop / (R_pull-up + R_loop) for every loop state, with 5 % resistors.</summary>
    [Theory]
    [InlineData(0.0, "ShortCircuit")]
    [InlineData(Eol, "Normal")]
    [InlineData(Eol + AlarmResistor, "Alarm")]
    [InlineData(Eol + TamperResistor, "Tamper")]
    [InlineData(Eol + AlarmResistor + TamperResistor, "Tamper")]
    [InlineData(double.PositiveInfinity, "OpenCircuit")]
    public void Classify_DocumentedWiringWithToleranceEitherWay_ReadsTheLoopState(double loopOhms, string expected)
    {
        foreach (var tolerance in new[] { 0.95, 1.0, 1.05 })
        {
            var loop = loopOhms * tolerance;
            var pullUp = PullUp * (2 - tolerance);
            var volts = double.IsPositiveInfinity(loop) ? Vref : Vref * loop / (pullUp + loop);

            Assert.Equal(Enum.Parse<ZoneState>(expected), _defaults.Classify(volts));
        }
    }

    [Fact]
    public void Classify_PlainDoubleEolWithEmptyTamperBand_TamperReadsAsOpenCircuit()
    {
        var bands = new ZoneBands { TamperBelowVolts = 2.55 };

        Assert.Equal(ZoneState.OpenCircuit, bands.Classify(2.8));
        Assert.Equal(ZoneState.Alarm, bands.Classify(2.2));
    }

    [Theory]
    [InlineData("ShortCircuit")]
    [InlineData("Normal")]
    [InlineData("Alarm")]
    [InlineData("Tamper")]
    [InlineData("OpenCircuit")]
    public void Nominal_OfEachState_ClassifiesAsThatState(string name)
    {
        var state = Enum.Parse<ZoneState>(name);

        Assert.Equal(state, _defaults.Classify(_defaults.Nominal(state, Vref)));
    }
}
