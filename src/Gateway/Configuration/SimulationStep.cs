namespace AfterSales.Gateway.Configuration;

internal sealed record SimulationStep
{
    public double AtSeconds { get; set; }

    public int Pin { get; set; } = -1;

    public required InputCondition State { get; set; }

    public TimeSpan At => TimeSpan.FromSeconds(AtSeconds);
}
