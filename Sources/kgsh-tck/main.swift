print("kgsh-tck")
