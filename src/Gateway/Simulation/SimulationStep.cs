using AfterSales.Gateway.Inputs;

namespace AfterSales.Gateway.Simulation;

internal sealed record SimulationStep
{
    public double AtSeconds { get; set; }

    public int Pin { get; set; } = -1;

    /// <summary>For an input step (with <see cref="Pin"/>); absent on a command step.</summary>
    public InputCondition? State { get; set; }

    /// <summary>A command for a simulated panel or PTZ head instead of an input, e.g. <c>panel panel-1 ac_loss on</c>.</summary>
    public string? Command { get; set; }

    internal TimeSpan At => TimeSpan.FromSeconds(AtSeconds);
}
