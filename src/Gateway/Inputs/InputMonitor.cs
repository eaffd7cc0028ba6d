using System.Device.Gpio;
using AfterSales.Gateway.Configuration;

namespace AfterSales.Gateway.Inputs;

/// <summary>
/// Reads every configured dry-contact pin and debounces it. Each debouncer starts at the healthy
/// level, so an input that is already in fault at start-up is reported once, like any other change.
/// </summary>
internal sealed class InputMonitor(GpioController gpio, GatewayConfig config, TimeProvider time)
{
    private readonly List<(InputConfig Input, Debouncer Debouncer)> _inputs = [];

    public void Open()
    {
        if (_inputs.Count > 0)
        {
            return;
        }

        foreach (var input in config.Inputs)
        {
            gpio.OpenPin(input.Pin, PinMode.InputPullUp);
            var healthy = ContactPolarity.HealthyLevel(input.Contact);
            _inputs.Add((input, new Debouncer(healthy, input.Debounce, time)));
        }
    }

    /// <summary>Reads all pins once; returns the changes this reading confirmed, in configuration order.</summary>
    public IReadOnlyList<InputChange> Poll()
    {
        List<InputChange>? changes = null;
        foreach (var (input, debouncer) in _inputs)
        {
            if (debouncer.Sample(gpio.Read(input.Pin)))
            {
                changes ??= [];
                changes.Add(new InputChange(input, ContactPolarity.IsFault(input.Contact, debouncer.Level), time.GetUtcNow()));
            }
        }

        return changes ?? (IReadOnlyList<InputChange>)[];
    }
}
