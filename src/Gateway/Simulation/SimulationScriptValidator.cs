using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Simulation.Devices;

namespace AfterSales.Gateway.Simulation;

/// <summary>Checks the <c>simulation</c> script against the site it plays on: configured pins, cameras, chips and zones.</summary>
internal static class SimulationScriptValidator
{
    public static string? Validate(SimulationConfig sim, GatewayConfig site) =>
        ValidateSteps(sim, site.Inputs) ?? DeviceSimulationValidator.Validate(sim.Devices, site);

    private static string? ValidateSteps(SimulationConfig sim, IReadOnlyList<InputConfig> inputs)
    {
        if (sim.RepeatEverySeconds < 0)
        {
            return "simulation.repeatEverySeconds must not be negative";
        }

        for (var i = 0; i < sim.Steps.Count; i++)
        {
            var step = sim.Steps[i];
            var at = $"simulation.steps[{i}]";
            if (step.AtSeconds < 0)
            {
                return $"{at}.atSeconds must not be negative";
            }

            if (step.Command is not null)
            {
                if (!FieldCommand.TryParse(step.Command, out _, out var commandError))
                {
                    return $"{at}.command: {commandError}";
                }

                if (step.Pin >= 0 || step.State is not null)
                {
                    return $"{at} has a command, so it takes no pin or state";
                }
            }
            else if (!inputs.Any(x => x.Pin == step.Pin))
            {
                return $"{at}.pin {step.Pin} is not one of the configured inputs";
            }
            else if (step.State is not { } state)
            {
                return $"{at}.state is missing";
            }
            else if (!Enum.IsDefined(state))
            {
                return $"{at}.state must be 'fault' or 'normal'";
            }

            // A step at or after the repeat period would never play before the script starts again.
            if (sim.RepeatEverySeconds > 0 && step.AtSeconds >= sim.RepeatEverySeconds)
            {
                return $"{at}.atSeconds {step.AtSeconds} must be less than simulation.repeatEverySeconds";
            }
        }

        return null;
    }
}
