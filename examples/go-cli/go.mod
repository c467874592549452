module example.com/hello-forge-go

go 1.22
