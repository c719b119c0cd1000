using Sked.Workflows.Testing;

[assembly: AssemblyFixture(typeof(TestDatabases))]
