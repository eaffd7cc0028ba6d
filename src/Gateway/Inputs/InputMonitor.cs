using System.Device.Gpio;

namespace AfterSales.Gateway.Inputs;

/// <summary>
/// Reads every configured dry-contact pin and debounces it. Each debouncer starts at the healthy
/// level, so an input that is already in fault at start-up is reported once, like any other change.
/// Once an input has held a level for its debounce time after start, that level is reported too, healthy
/// or not: the tracker drops it as no news, unless it clears a fault that healed while the gateway was off.
/// </summary>
internal sealed class InputMonitor(GpioController gpio, InputSettings settings, TimeProvider time)
{
    private readonly List<(InputConfig Input, Debouncer Debouncer)> _inputs = [];
    private readonly HashSet<int> _settled = [];
    private long _openedAt;

    public void Open()
    {
        if (_inputs.Count > 0)
        {
            return;
        }

        foreach (var input in settings.Inputs)
        {
            gpio.OpenPin(input.Pin, PinMode.InputPullUp);
            var healthy = ContactPolarity.HealthyLevel(input.Contact);
            _inputs.Add((input, new Debouncer(healthy, input.Debounce, time)));
        }

        _openedAt = time.GetTimestamp();
    }

    /// <summary>
    /// Asks the driver to report every level change of the inputs (libgpiod does, from the kernel's interrupts).
    /// False, with nothing left registered, when it cannot: the caller then polls.
    /// </summary>
    public bool TryWatchEdges(Action<InputConfig> changed)
    {
        var registered = new List<(int Pin, PinChangeEventHandler Handler)>();
        try
        {
            foreach (var (input, _) in _inputs)
            {
                PinChangeEventHandler handler = (_, _) => changed(input);
                gpio.RegisterCallbackForPinValueChangedEvent(input.Pin, PinEventTypes.Rising | PinEventTypes.Falling, handler);
                registered.Add((input.Pin, handler));
            }

            return true;
        }
        catch (Exception ex) when (ex is NotSupportedException or PlatformNotSupportedException or InvalidOperationException or IOException)
        {
            foreach (var (pin, handler) in registered)
            {
                gpio.UnregisterCallbackForPinValueChangedEvent(pin, handler);
            }

            return false;
        }
    }

    /// <summary>Reads all pins once; returns the changes this reading confirmed, in configuration order.</summary>
    public IReadOnlyList<InputChange> Poll()
    {
        List<InputChange>? changes = null;
        foreach (var (input, debouncer) in _inputs)
        {
            var changed = debouncer.Sample(gpio.Read(input.Pin));
            var settling = !changed && !debouncer.HasCandidate && !_settled.Contains(input.Pin) && time.GetElapsedTime(_openedAt) >= input.Debounce;
            if (changed || settling)
            {
                _settled.Add(input.Pin);
                changes ??= [];
                changes.Add(new InputChange(input, ContactPolarity.IsFault(input.Contact, debouncer.Level), time.GetUtcNow()));
            }
        }

        return changes ?? (IReadOnlyList<InputChange>)[];
    }
}
