using Sked.Workflows.E2E.Tests;
using Sked.Workflows.Testing;

[assembly: AssemblyFixture(typeof(TestDatabases))]
[assembly: AssemblyFixture(typeof(Chromium))]
