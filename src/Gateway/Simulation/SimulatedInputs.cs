using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Inputs;

namespace AfterSales.Gateway.Simulation;

/// <summary>Puts simulated inputs into a condition by driving the pin level the wiring would produce.</summary>
internal sealed class SimulatedInputs(SimulatedGpioDriver driver, GatewayConfig config)
{
    /// <summary>Every input starts healthy, so a simulated site begins with no faults.</summary>
    public void SetAllHealthy()
    {
        foreach (var input in config.Inputs)
        {
            driver.SetLevel(input.Pin, ContactPolarity.HealthyLevel(input.Contact));
        }
    }

    /// <summary>False when no input is configured on the pin.</summary>
    public bool TrySet(int pin, InputCondition condition)
    {
        var input = config.Inputs.FirstOrDefault(x => x.Pin == pin);
        if (input is null)
        {
            return false;
        }

        driver.SetLevel(pin, ContactPolarity.LevelFor(input.Contact, condition == InputCondition.Fault));
        return true;
    }
}
