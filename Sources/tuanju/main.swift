import TuanjuCLI

TuanjuCLI.main()
