using AfterSales.Gateway.Simulation;

namespace AfterSales.Gateway.Tests.Simulation;

public sealed class FieldCommandTests
{
    [Theory]
    [InlineData("panel alarm-panel ac_loss on", "panel", "alarm-panel", "ac_loss", true)]
    [InlineData("  panel p zone_trouble off ", "panel", "p", "zone_trouble", false)]
    [InlineData("panel p silent on", "panel", "p", "silent", true)]
    [InlineData("panel p corrupt", "panel", "p", "corrupt", true)]
    [InlineData("ptz 2 silent off", "ptz", "2", "silent", false)]
    public void TryParse_KnownCommand_ReadsTargetIdActionAndState(string line, string target, string id, string action, bool on)
    {
        Assert.True(FieldCommand.IsFieldCommand(line));
        Assert.True(FieldCommand.TryParse(line, out var command, out _));
        Assert.Equal(new FieldCommand(target, id, action, on), command);
    }

    [Theory]
    [InlineData("panel p fire on")]
    [InlineData("panel p ac_loss maybe")]
    [InlineData("ptz gate silent on")]
    [InlineData("panel p")]
    public void TryParse_Mistake_ExplainsTheGrammar(string line)
    {
        Assert.False(FieldCommand.TryParse(line, out _, out var error));
        Assert.Contains(FieldCommand.Help, error, StringComparison.Ordinal);
    }
}
