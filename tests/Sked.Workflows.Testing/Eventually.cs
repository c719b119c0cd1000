namespace Sked.Workflows.Testing;

/// <summary>Waits for something the app does in the background (a timer firing), with a deadline.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0}s for {what}");
            }

            await Task.Delay(250);
        }
    }
}
