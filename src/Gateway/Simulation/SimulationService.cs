using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Simulation;

/// <summary>
/// Drives the simulated inputs in <c>--simulate</c> mode: plays the configured script and obeys
/// commands on standard input. Must start before the fault watcher so the first poll sees healthy inputs.
/// </summary>
internal sealed partial class SimulationService(
    SimulatedInputs inputs,
    FaultReporter reporter,
    GatewayConfig config,
    SimulationConfig script,
    TimeProvider time,
    TextReader input,
    IHostApplicationLifetime lifetime,
    SimulatedField field,
    ILogger<SimulationService> logger) : BackgroundService
{
    private ScriptPlayer? _player;
    private long _burstNext;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        inputs.SetAllHealthy();
        _player = new ScriptPlayer(script, time, Apply);
        _player.Start();
        LogSimulating(config.Inputs.Count, script.Steps.Count, SimulationCommand.Help + ", " + FieldCommand.Help);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _player?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Console reads block a thread whatever the API says; keep that off the host's start-up path
        // and abandon it at shutdown rather than waiting for a line that may never come.
        var reader = Task.Factory.StartNew(ReadCommands, stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await reader.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void ReadCommands()
    {
        while (input.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (FieldCommand.IsFieldCommand(line))
            {
                ApplyFieldCommand(line, "stdin");
                continue;
            }

            if (!SimulationCommand.TryParse(line, out var command, out var error))
            {
                LogBadCommand(error);
                continue;
            }

            if (command.Quit)
            {
                LogQuit();
                lifetime.StopApplication();
                return;
            }

            if (command.Burst > 0)
            {
                Burst(command.Burst);
                continue;
            }

            if (!inputs.TrySet(command.Pin, command.Condition))
            {
                LogBadCommand($"no input is configured on pin {command.Pin}");
                continue;
            }

            LogInputSet(command.Pin, command.Condition, "stdin");
        }

        // Under a process runner stdin is often closed from the start; the simulation carries on without it.
        LogStdinClosed();
    }

    private void Burst(int count)
    {
        var queued = 0;
        for (var i = 0; i < count; i++)
        {
            queued += reporter.Report(EventBurst.Observation(_burstNext++, time.GetUtcNow())) ? 1 : 0;
        }

        LogBurst(count, queued, count - queued);
    }

    private void Apply(SimulationStep step)
    {
        if (step.Command is not null)
        {
            ApplyFieldCommand(step.Command, "script");
            return;
        }

        if (step.State is { } state && inputs.TrySet(step.Pin, state))
        {
            LogInputSet(step.Pin, state, "script");
        }
    }

    private void ApplyFieldCommand(string line, string source)
    {
        var error = FieldCommand.TryParse(line, out var command, out var parseError) ? field.Apply(command) : parseError;
        if (error is null)
        {
            LogFieldCommand(line, source);
        }
        else
        {
            LogBadCommand(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {InputCount} inputs with {StepCount} scripted steps; {Help}")]
    private partial void LogSimulating(int inputCount, int stepCount, string help);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated pin {Pin} set to {Condition} by {Source}")]
    private partial void LogInputSet(int pin, InputCondition condition, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated field device: '{Command}' by {Source}")]
    private partial void LogFieldCommand(string command, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignored command: {Error}")]
    private partial void LogBadCommand(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Burst done: {Count} observations, {Queued} events queued, {Refused} refused")]
    private partial void LogBurst(int count, int queued, int refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quit requested on stdin; shutting down")]
    private partial void LogQuit();

    [LoggerMessage(Level = LogLevel.Information, Message = "Standard input closed; no more commands will be read, simulation continues")]
    private partial void LogStdinClosed();
}
