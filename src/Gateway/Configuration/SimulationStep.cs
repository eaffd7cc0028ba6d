namespace AfterSales.Gateway.Configuration;

internal sealed record SimulationStep
{
    public double AtSeconds { get; init; }

    public int Pin { get; init; } = -1;

    public required InputCondition State { get; init; }

    public TimeSpan At => TimeSpan.FromSeconds(AtSeconds);
}
