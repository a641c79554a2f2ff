print("kgsh")
